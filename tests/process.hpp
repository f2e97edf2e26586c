// Running the `hds` command line as a real process, as a script or cron job does: what the CLI tests and the
// reliability tests (concurrency, crashes, hostile input) share.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

extern char** environ;

namespace hds::testing_process {

namespace fs = std::filesystem;

struct run_result {
    int code = -1;   ///< exit status; -1 when the process did not exit normally (a signal)
    int signal = 0;  ///< the signal that ended it, 0 when it exited
    std::string out, err;
};

inline std::string read_file(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_file(const fs::path& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

/// Limits a spawned process may run under (setrlimit in the child before exec).
struct limits {
    std::optional<rlim_t> file_size;     ///< RLIMIT_FSIZE, bytes; SIGXFSZ is ignored so writes fail with EFBIG
    std::optional<rlim_t> address_space; ///< RLIMIT_AS, bytes: memory the process may map
};

/// A process started with standard output and error going to files named after `tag` in `dir`; wait()
/// collects its result. Not copyable: it owns the child until waited for.
class child {
public:
    child(const std::string& program, const std::vector<std::string>& args, const fs::path& dir,
          const std::string& tag = "", limits limit = {})
        : out_path_(dir / ("stdout" + tag + ".txt")), err_path_(dir / ("stderr" + tag + ".txt"))
    {
        std::vector<std::string> storage{program};
        storage.insert(storage.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& arg : storage) argv.push_back(arg.data());
        argv.push_back(nullptr);
        // fork + exec rather than posix_spawn, for setrlimit in between; only async-signal-safe calls follow.
        pid_ = fork();
        if (pid_ == 0) {
            const int in = open("/dev/null", O_RDONLY);
            const int out = open(out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            const int err = open(err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (in < 0 || out < 0 || err < 0) _exit(127);
            dup2(in, 0);
            dup2(out, 1);
            dup2(err, 2);
            if (limit.file_size) {
                signal(SIGXFSZ, SIG_IGN);
                const rlimit r{*limit.file_size, *limit.file_size};
                if (setrlimit(RLIMIT_FSIZE, &r) != 0) _exit(126);
            }
            if (limit.address_space) {
                const rlimit r{*limit.address_space, *limit.address_space};
                if (setrlimit(RLIMIT_AS, &r) != 0) _exit(126);
            }
            execve(program.c_str(), argv.data(), environ);
            _exit(127);
        }
    }
    child(const child&) = delete;
    child& operator=(const child&) = delete;
    ~child()
    {
        if (pid_ > 0 && !waited_) {
            kill(pid_, SIGKILL);
            wait();
        }
    }

    /// True once the process has ended (without waiting for it).
    bool finished()
    {
        if (waited_) return true;
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) != pid_) return false;
        record(status);
        return true;
    }

    void kill_now() const
    {
        if (!waited_) kill(pid_, SIGKILL);
    }

    run_result wait()
    {
        if (!waited_) {
            int status = 0;
            while (waitpid(pid_, &status, 0) < 0) {
            }
            record(status);
        }
        result_.out = read_file(out_path_);
        result_.err = read_file(err_path_);
        return result_;
    }

    [[nodiscard]] bool started() const { return pid_ > 0; }

private:
    void record(int status)
    {
        waited_ = true;
        if (WIFEXITED(status)) result_.code = WEXITSTATUS(status);
        if (WIFSIGNALED(status)) result_.signal = WTERMSIG(status);
    }

    fs::path out_path_, err_path_;
    pid_t pid_ = -1;
    bool waited_ = false;
    run_result result_;
};

/// Runs `program` with `args` to its end, standard output and error captured through files in `dir`.
inline run_result run_program(const std::string& program, const std::vector<std::string>& args, const fs::path& dir,
                              limits limit = {})
{
    child c(program, args, dir, "", limit);
    if (!c.started()) {
        run_result failed;
        failed.err = "cannot run " + program;
        return failed;
    }
    return c.wait();
}

inline std::string describe(const run_result& r)
{
    return "exit " + std::to_string(r.code) + (r.signal != 0 ? " signal " + std::to_string(r.signal) : "") +
           "\n--- stdout:\n" + r.out + "--- stderr:\n" + r.err;
}

} // namespace hds::testing_process
