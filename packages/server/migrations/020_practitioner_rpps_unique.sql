-- One practitioner per RPPS number in a territory: the CSV import updates by RPPS, and two
-- concurrent imports of one file must not both create them. Practitioners without RPPS are free.
create unique index practitioners_territory_rpps on practitioners (territory, rpps) where rpps is not null;
