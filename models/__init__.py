"""SQLModel tables, the database engine and the queries on them."""
