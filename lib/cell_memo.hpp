// A cell's parsed value, remembered by its text: a registry repeats the same few certificate types and
// certifiers on every row, and parsing them (Unicode folding, phrase matching) was an eighth of an ingest.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace hds {

/// Remembers what `parse` returned for up to `capacity` distinct texts; past that, texts not yet seen are
/// parsed every time, so that a file of a million distinct values does not grow memory. `parse` must be a
/// function of the text alone; what it throws is not remembered.
template <typename Value>
class cell_memo {
public:
    explicit cell_memo(std::size_t capacity) : capacity_(capacity) {}

    template <typename Parse>
    Value get(std::string_view text, Parse&& parse)
    {
        if (const auto found = values_.find(text); found != values_.end()) return found->second;
        Value value = std::forward<Parse>(parse)(text);
        if (values_.size() < capacity_) values_.emplace(std::string(text), value);
        return value;
    }

private:
    // Looks texts up without copying each into a std::string first.
    struct text_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
    };
    std::size_t capacity_;
    std::unordered_map<std::string, Value, text_hash, std::equal_to<>> values_;
};

} // namespace hds
