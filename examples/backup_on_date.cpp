// Who held a certificate covering backup on a given date, by the certificates' own dates. Backup is found
// by its code, whatever number the database gives it.
// Usage: backup_on_date DB YYYY-MM-DD
#include <iostream>

#include <hds/hds.hpp>

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::cerr << "usage: backup_on_date DB YYYY-MM-DD\n";
        return 2;
    }
    try {
        auto db = hds::database::open(argv[1], hds::open_mode::existing);
        const auto certified = hds::certified_as_of(db, argv[2], hds::activity_by_code(db, "backup"));

        std::cout << certified.size() << " companies certified for backup on " << argv[2] << "\n";
        for (const auto& c : certified) std::cout << "  " << c.name << " (until " << c.valid_to << ")\n";
    } catch (const hds::error& e) {
        std::cerr << "backup_on_date: " << e.what() << "\n";
        return 2;
    }
}
