// careergraph: 0 roles, 0 moves. Running this again changes nothing.
CREATE CONSTRAINT role_id IF NOT EXISTS FOR (r:Role) REQUIRE r.id IS UNIQUE;
