#include "hds/log.hpp"

#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "logger.hpp"

namespace hds {
namespace {

log_level to_hds(spdlog::level::level_enum level)
{
    switch (level) {
    case spdlog::level::trace:
    case spdlog::level::debug: return log_level::debug;
    case spdlog::level::info: return log_level::info;
    case spdlog::level::warn: return log_level::warning;
    case spdlog::level::err:
    case spdlog::level::critical: return log_level::error;
    case spdlog::level::off:
    case spdlog::level::n_levels: break;
    }
    return log_level::off;
}

spdlog::level::level_enum to_spdlog(log_level level)
{
    switch (level) {
    case log_level::debug: return spdlog::level::debug;
    case log_level::info: return spdlog::level::info;
    case log_level::warning: return spdlog::level::warn;
    case log_level::error: return spdlog::level::err;
    case log_level::off: break;
    }
    return spdlog::level::off;
}

// Forwards spdlog's messages to the host application's callback.
class callback_sink final : public spdlog::sinks::base_sink<std::mutex> {
public:
    explicit callback_sink(log_sink forward_to) : sink_(std::move(forward_to)) {}

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override
    {
        sink_(to_hds(msg.level), std::string_view(msg.payload.data(), msg.payload.size()));
    }
    void flush_() override {}

private:
    log_sink sink_;
};

/// https://no-color.org: NO_COLOR set and not empty turns colour off; otherwise colour when stderr is a terminal.
spdlog::color_mode colour_mode()
{
    const char* no_color = std::getenv("NO_COLOR");
    return no_color != nullptr && *no_color != '\0' ? spdlog::color_mode::never : spdlog::color_mode::automatic;
}

std::shared_ptr<spdlog::logger> make_default_logger()
{
    auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>(colour_mode());
    auto made = std::make_shared<spdlog::logger>("hds", std::move(sink));
    made->set_pattern("hds: %^%l%$: %v");
    made->set_level(spdlog::level::info);
    return made;
}

std::shared_ptr<spdlog::logger>& current()
{
    static std::shared_ptr<spdlog::logger> instance = make_default_logger();
    return instance;
}

std::mutex& current_mutex()
{
    static std::mutex m;
    return m;
}

} // namespace

std::shared_ptr<spdlog::logger> logger()
{
    std::lock_guard lock(current_mutex());
    return current();
}

void set_log_sink(log_sink sink)
{
    std::lock_guard lock(current_mutex());
    const auto level = current()->level();
    if (sink) {
        current() = std::make_shared<spdlog::logger>("hds", std::make_shared<callback_sink>(std::move(sink)));
    } else {
        current() = make_default_logger();
    }
    current()->set_level(level);
}

void set_log_level(log_level level)
{
    std::lock_guard lock(current_mutex());
    current()->set_level(to_spdlog(level));
}

} // namespace hds
