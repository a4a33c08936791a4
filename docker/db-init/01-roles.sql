-- Run once by the postgres image when the `db` volume is first initialised, as its superuser
-- (POSTGRES_USER). The owner owns the database and every table and is used only by migrations
-- (DATABASE_MIGRATION_URL); the application connects as the runtime role (DATABASE_URL), which
-- the migrations grant rows only (INSERT and SELECT only on the append-only tables).
-- Local demo passwords: change them (and the URLs in docker-compose.yml) for anything else.
CREATE ROLE narvaroteam_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
  PASSWORD 'narvaroteam-owner';
CREATE ROLE narvaroteam_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
  PASSWORD 'narvaroteam-app';
ALTER DATABASE narvaroteam OWNER TO narvaroteam_owner;
