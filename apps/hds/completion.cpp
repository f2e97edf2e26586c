#include "completion.hpp"

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <sqlite3.h>

#include "guidance.hpp"

namespace hds::cli {
namespace {

void print_lines(const std::vector<std::string>& words)
{
    for (const auto& word : words) std::cout << word << '\n';
}

std::vector<std::string> long_options(const CLI::App& command)
{
    std::vector<std::string> names;
    for (const CLI::Option* option : command.get_options())
        for (const auto& l : option->get_lnames()) names.push_back("--" + l);
    return names;
}

/// The values an option's CLI11::IsMember check accepts, read from its description "{a,b,c}".
std::vector<std::string> choices(CLI::Option& option)
{
    std::vector<std::string> values;
    try {
        const std::string text = option.get_validator()->get_description();
        if (text.size() < 2 || text.front() != '{' || text.back() != '}') return values;
        std::string value;
        for (const char c : text.substr(1, text.size() - 2)) {
            if (c == ',') {
                values.push_back(value);
                value.clear();
            } else {
                value += c;
            }
        }
        values.push_back(value);
    } catch (const CLI::OptionNotFound&) { // no check: any value
    }
    return values;
}

/// The snapshot dates of `db`, latest last, then "latest"; nothing when it is not an hds database. Read on a
/// read-only connection from table snapshot (in every schema version), not through hds::database, which
/// would migrate an older file: pressing Tab must never write.
std::vector<std::string> snapshot_dates(const std::filesystem::path& db)
{
    std::vector<std::string> dates;
    sqlite3* handle = nullptr;
    sqlite3_stmt* query = nullptr;
    if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK &&
        sqlite3_prepare_v2(handle, "SELECT date FROM snapshot ORDER BY date", -1, &query, nullptr) == SQLITE_OK) {
        while (sqlite3_step(query) == SQLITE_ROW)
            dates.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(query, 0)));
        if (!dates.empty()) dates.emplace_back("latest");
    }
    sqlite3_finalize(query);
    sqlite3_close(handle); // completion stays quiet: the command itself will say what is wrong
    return dates;
}

std::vector<std::string> candidates(CLI::App& app, const std::vector<std::string>& words)
{
    const std::size_t at = command_position(app, words);
    if (at == words.size()) {
        if (!words.empty() && takes_a_value(option_named(app, words.back()), words.back())) return {};
        std::vector<std::string> out = command_names(app);
        for (const auto& o : long_options(app)) out.push_back(o);
        return out;
    }
    CLI::App* command = nullptr;
    for (CLI::App* c : app.get_subcommands({}))
        if (c->get_name() == words[at]) command = c;
    if (command == nullptr) return {};
    if (command->get_name() == "help") return command_names(app);

    // The positionals typed so far (DB first), and whether the last word wants a value.
    std::vector<std::string> positionals;
    for (std::size_t i = at + 1; i < words.size(); ++i) {
        const CLI::Option* option = option_named(*command, words[i]);
        if (option == nullptr) option = option_named(app, words[i]);
        if (option != nullptr) {
            if (!takes_a_value(option, words[i])) continue;
            if (i + 1 == words.size()) {
                // The value of the last word's option.
                if (option->check_lname("snapshot") && !positionals.empty()) return snapshot_dates(positionals[0]);
                return choices(*const_cast<CLI::Option*>(option));
            }
            ++i;
            continue;
        }
        positionals.push_back(words[i]);
    }
    std::vector<CLI::Option*> wanted;
    for (CLI::Option* option : command->get_options())
        if (option->get_positional()) wanted.push_back(option);
    std::vector<std::string> out;
    if (positionals.size() < wanted.size()) {
        const std::string& name = wanted[positionals.size()]->get_name();
        if ((name == "FROM" || name == "TO") && !positionals.empty()) out = snapshot_dates(positionals[0]);
    }
    for (const auto& o : long_options(*command)) out.push_back(o);
    return out;
}

} // namespace

void add_complete_command(CLI::App& app, action_list& actions)
{
    auto* complete = app.add_subcommand("__complete", "What may follow WORDS on a command line, one a line (for "
                                                      "shell completion)");
    complete->group(""); // hidden: for the completion script, not for people
    // Every word after it is data, options included: none is taken as this command's or hds's own.
    complete->set_help_flag();
    complete->fallthrough(false);
    complete->allow_extras();
    complete->prefix_command();
    actions.emplace_back(complete, [&app, complete] {
        print_lines(candidates(app, complete->remaining()));
        return 0;
    });
}

} // namespace hds::cli
