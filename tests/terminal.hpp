// Running `hds` with its standard error on a pseudo-terminal, as when a person runs it in a terminal: what the
// progress display and colour tests need (a pipe or a file is exactly what they must stay quiet on).
#pragma once

#include <fcntl.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>
#include <vector>

#include "process.hpp"

namespace hds::testing_process {

/// Runs `program` with standard error on a new pseudo-terminal (standard output to a file in `dir`, standard
/// input /dev/null), `set` added to its environment and `unset` removed from it. `err` is every byte written
/// on the terminal, "\n" as the terminal turns it into "\r\n".
inline run_result run_on_terminal(const std::string& program, const std::vector<std::string>& args,
                                  const fs::path& dir, const std::vector<std::pair<std::string, std::string>>& set = {},
                                  const std::vector<std::string>& unset = {})
{
    run_result result;
    int master = -1, slave = -1;
    winsize size{};
    size.ws_col = 100;
    size.ws_row = 30;
    if (openpty(&master, &slave, nullptr, nullptr, &size) != 0) {
        result.err = "openpty failed";
        return result;
    }
    const fs::path out_path = dir / "stdout-terminal.txt";
    std::vector<std::string> storage{program};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : storage) argv.push_back(arg.data());
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        close(master);
        const int in = open("/dev/null", O_RDONLY);
        const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in < 0 || out < 0) _exit(127);
        dup2(in, 0);
        dup2(out, 1);
        dup2(slave, 2);
        close(slave);
        for (const auto& [name, value] : set) setenv(name.c_str(), value.c_str(), 1);
        for (const auto& name : unset) unsetenv(name.c_str());
        execv(program.c_str(), argv.data());
        _exit(127);
    }
    close(slave);
    // Read until every copy of the terminal's other end is closed (EIO), so the child never blocks writing.
    char buffer[4096];
    for (;;) {
        const ssize_t n = read(master, buffer, sizeof buffer);
        if (n > 0) result.err.append(buffer, static_cast<std::size_t>(n));
        else if (n < 0 && errno == EINTR) continue;
        else break;
    }
    close(master);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status)) result.code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
    result.out = read_file(out_path);
    return result;
}

} // namespace hds::testing_process
