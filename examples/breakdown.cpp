// How many companies of the latest snapshot are certified for each activity.
// Usage: breakdown DB [DIMENSION]   (activity, nationality, positioning, certifier, certificate-type,
//                                     activity-count; default activity)
#include <cstdio>
#include <iostream>

#include <hds/hds.hpp>

int main(int argc, char** argv)
{
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: breakdown DB [DIMENSION]\n";
        return 2;
    }
    try {
        auto db = hds::database::open(argv[1], hds::open_mode::existing);
        const auto snapshot = hds::resolve_snapshot(db, "latest");
        const auto by = hds::parse_dimension(argc == 3 ? argv[2] : "activity");
        const auto result = hds::breakdown(db, snapshot, by);

        std::cout << "Snapshot " << snapshot.date << ": " << result.total << " companies by " << hds::to_string(by)
                  << "\n";
        // The label goes last: printf pads by bytes, and French labels have accents.
        for (const auto& row : result.rows)
            std::printf("%-6s %4zu  %5.1f %%  %s\n", row.key.value_or("-").c_str(), row.count, 100 * row.share,
                        row.label.c_str());
    } catch (const hds::error& e) {
        std::cerr << "breakdown: " << e.what() << "\n";
        return 2;
    }
}
