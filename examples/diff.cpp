// Who entered, left, or changed activities between two snapshots.
// Usage: diff DB FROM TO   (each a date YYYY-MM-DD, a month YYYY-MM or "latest")
#include <iostream>

#include <hds/hds.hpp>

int main(int argc, char** argv)
{
    if (argc != 4) {
        std::cerr << "usage: diff DB FROM TO\n";
        return 2;
    }
    try {
        auto db = hds::database::open(argv[1], hds::open_mode::existing);
        const auto d = hds::diff(db, hds::resolve_snapshot(db, argv[2]), hds::resolve_snapshot(db, argv[3]));

        std::cout << d.from.date << " → " << d.to.date << ": " << d.entered.size() << " entered, " << d.left.size()
                  << " left, " << d.changed.size() << " changed activities\n";
        for (const auto& c : d.entered) std::cout << "  + " << c.name << " [" << c.activities.to_string() << "]\n";
        for (const auto& c : d.left) std::cout << "  - " << c.name << " [" << c.activities.to_string() << "]\n";
        for (const auto& c : d.changed) {
            std::cout << "  ~ " << c.name << " [" << c.activities.to_string() << "]";
            if (!c.added.empty()) std::cout << " added " << c.added.to_string();
            if (!c.removed.empty()) std::cout << " removed " << c.removed.to_string();
            std::cout << "\n";
        }
    } catch (const hds::error& e) {
        std::cerr << "diff: " << e.what() << "\n";
        return 2;
    }
}
