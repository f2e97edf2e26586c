#include "guidance.hpp"

#include <iostream>

#include "hds/error.hpp"
#include "suggestion.hpp"

namespace hds::cli {
namespace {

const CLI::App* command_named(const CLI::App& app, const std::string& name)
{
    for (const CLI::App* command : app.get_subcommands({}))
        if (command->get_name() == name) return command;
    return nullptr;
}

std::string joined(const std::vector<std::string>& names)
{
    std::string text;
    for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
    return text;
}

bool is_option(const std::string& word) { return word.size() > 1 && word[0] == '-'; }

} // namespace

std::vector<std::string> command_names(const CLI::App& app)
{
    std::vector<std::string> names;
    for (const CLI::App* command : app.get_subcommands({}))
        if (!command->get_group().empty()) names.push_back(command->get_name());
    return names;
}

const CLI::Option* option_named(const CLI::App& command, const std::string& word)
{
    const std::string name = word.substr(0, word.find('='));
    for (const CLI::Option* option : command.get_options()) {
        for (const auto& l : option->get_lnames())
            if (name == "--" + l) return option;
        for (const auto& s : option->get_snames())
            if (name == "-" + s) return option;
    }
    return nullptr;
}

bool takes_a_value(const CLI::Option* option, const std::string& word)
{
    return option != nullptr && option->get_items_expected_min() > 0 && word.find('=') == std::string::npos;
}

std::size_t command_position(const CLI::App& app, const std::vector<std::string>& args)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--") return args.size();
        if (!is_option(args[i])) return i;
        if (takes_a_value(option_named(app, args[i]), args[i])) ++i; // --busy-timeout 100
    }
    return args.size();
}

std::string help_text(const CLI::App& app, const CLI::App& command)
{
    // As CLI11's --help writes it: the formatter, with the command's path.
    const std::string path = &command == &app ? app.get_name() : app.get_name() + " " + command.get_name();
    return command.get_formatter()->make_help(&command, path, CLI::AppFormatMode::Normal);
}

void add_help_command(CLI::App& app, action_list& actions)
{
    auto name = std::make_shared<std::string>();
    auto* help = app.add_subcommand("help", "Print the help of hds, or of COMMAND: the same as `hds [COMMAND] --help`");
    help->add_option("COMMAND", *name, "The command to explain");
    help->footer("Example:\n  hds help breakdown");
    actions.emplace_back(help, [&app, name] {
        if (name->empty()) {
            std::cout << help_text(app, app);
            return 0;
        }
        const CLI::App* command = command_named(app, *name);
        if (command == nullptr)
            throw error(error_kind::usage, unknown_command(app, {*name}).value_or("unknown command `" + *name + "`"));
        std::cout << help_text(app, *command);
        return 0;
    });
}

std::optional<std::string> unknown_command(const CLI::App& app, const std::vector<std::string>& args)
{
    const std::size_t at = command_position(app, args);
    if (at == args.size() || command_named(app, args[at]) != nullptr) return std::nullopt;
    const std::vector<std::string> names = command_names(app);
    const std::string message = "unknown command `" + args[at] + "`";
    if (const auto near = suggestion::nearest(args[at], names)) return message + "; did you mean `" + *near + "`?";
    return message + " (commands: " + joined(names) + ")";
}

std::optional<std::string> unknown_option(const CLI::App& app, const std::vector<std::string>& args)
{
    const std::size_t at = command_position(app, args);
    const CLI::App* command = at < args.size() ? command_named(app, args[at]) : nullptr;
    std::vector<std::string> known;
    for (const CLI::App* scope : {&app, command}) {
        if (scope == nullptr) continue;
        for (const CLI::Option* option : scope->get_options()) {
            for (const auto& l : option->get_lnames()) known.push_back("--" + l);
            for (const auto& s : option->get_snames()) known.push_back("-" + s);
        }
    }
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--") break;
        if (!is_option(args[i])) continue;
        const CLI::Option* option = option_named(app, args[i]);
        if (option == nullptr && command != nullptr) option = option_named(*command, args[i]);
        if (option != nullptr) {
            if (takes_a_value(option, args[i])) ++i;
            continue;
        }
        const std::string word = args[i].substr(0, args[i].find('='));
        std::string message = "unknown option `" + word + "`";
        if (command != nullptr) message += " for `" + app.get_name() + " " + command->get_name() + "`";
        if (const auto near = suggestion::nearest(word, known)) message += "; did you mean `" + *near + "`?";
        return message;
    }
    return std::nullopt;
}

} // namespace hds::cli
