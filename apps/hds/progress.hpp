// What a long `hds ingest` shows on a terminal while it works: one line on standard error, redrawn in place,
// with the stage (checking, reading, writing), the rows read and the rate, erased when the ingest ends.
// Nothing is drawn when standard error is not a terminal (a script, a pipe, a log file) or with --quiet.
//
// Thread-safety: one display per ingest, called from the ingesting thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "hds/ingest.hpp"

namespace hds::cli {

class progress_display {
public:
    /// Draws only when `enabled` and standard error is a terminal; in colour unless NO_COLOR is set.
    explicit progress_display(bool enabled);
    progress_display(const progress_display&) = delete;
    progress_display& operator=(const progress_display&) = delete;
    /// Erases the line, so that what follows (the summary, an error) starts on a clean one.
    ~progress_display();

    /// The observer to give ingest_options::on_progress; empty when nothing is drawn.
    ingest_observer observer();

private:
    void update(const ingest_progress& progress);
    void draw(const ingest_progress& progress);

    bool drawing_;
    bool colour_;
    bool drawn_ = false;
    ingest_stage stage_ = ingest_stage::checking;
    std::chrono::steady_clock::time_point stage_started_;
    std::chrono::steady_clock::time_point last_drawn_;
    std::size_t rows_at_stage_start_ = 0;
};

/// True when colour may be used on standard error: it is a terminal and NO_COLOR is not set (https://no-color.org).
bool colour_on_stderr();

} // namespace hds::cli
