-- what the tests' creating requests create: one row per execution
CREATE TABLE thing (
    id   uuid PRIMARY KEY,
    name text NOT NULL
);
