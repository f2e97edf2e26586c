#include "progress.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace hds::cli {
namespace {

// At most ten redraws a second: a terminal needs no more, and a fast ingest is not slowed by its display.
constexpr std::chrono::milliseconds redraw_every{100};

std::size_t terminal_columns()
{
    winsize size{};
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

/// 1234567 → "1,234,567".
std::string grouped(std::size_t n)
{
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

void write_stderr(const std::string& text)
{
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

const char* const erase_line = "\r\033[K";

} // namespace

bool colour_on_stderr()
{
    const char* no_color = std::getenv("NO_COLOR");
    return isatty(STDERR_FILENO) == 1 && (no_color == nullptr || *no_color == '\0');
}

progress_display::progress_display(bool enabled)
    : drawing_(enabled && isatty(STDERR_FILENO) == 1), colour_(drawing_ && colour_on_stderr())
{
}

progress_display::~progress_display()
{
    if (drawn_) write_stderr(erase_line);
}

ingest_observer progress_display::observer()
{
    if (!drawing_) return {};
    return [this](const ingest_progress& progress) { update(progress); };
}

void progress_display::update(const ingest_progress& progress)
{
    const auto now = std::chrono::steady_clock::now();
    const bool new_stage = !drawn_ || progress.stage != stage_;
    if (new_stage) {
        stage_ = progress.stage;
        stage_started_ = now;
        rows_at_stage_start_ = progress.rows_read;
    } else if (now - last_drawn_ < redraw_every) {
        return;
    }
    last_drawn_ = now;
    draw(progress);
}

void progress_display::draw(const ingest_progress& progress)
{
    const std::string stage(to_string(progress.stage));
    std::string text = "hds ingest: " + stage + ", " + grouped(progress.rows_read) +
                       (progress.rows_read == 1 ? " row read" : " rows read");
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - stage_started_;
    if (progress.stage == ingest_stage::reading && elapsed.count() >= 0.5)
        text += ", " + grouped(static_cast<std::size_t>(
                           static_cast<double>(progress.rows_read - rows_at_stage_start_) / elapsed.count())) +
                " rows/s";
    // One line, never wrapped: a wrapped line could not be redrawn in place.
    const std::size_t width = terminal_columns() - 1;
    if (text.size() > width) text.resize(width);
    if (colour_) {
        const std::size_t at = text.find(stage);
        if (at != std::string::npos) text.replace(at, stage.size(), "\033[1m" + stage + "\033[0m");
    }
    write_stderr(erase_line + text);
    drawn_ = true;
}

} // namespace hds::cli
