package dev.nestor.lease.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void mysqlDelimiterKeepsProcedureBodiesWhole() {
        String script = """
                -- comment
                CREATE TABLE t (a INT);
                DELIMITER $$
                CREATE PROCEDURE p()
                BEGIN
                    SELECT 1;
                    SELECT 2;
                END $$
                DELIMITER ;
                INSERT INTO t VALUES (1);
                """;
        List<String> statements = SqlScript.split(script, DbEngine.MYSQL);
        assertThat(statements).hasSize(3);
        assertThat(statements.get(1)).startsWith("CREATE PROCEDURE p()").contains("SELECT 1;").contains("SELECT 2;")
                .endsWith("END");
        assertThat(statements.get(2)).isEqualTo("INSERT INTO t VALUES (1)");
    }

    @Test
    void postgresqlDollarQuotesKeepFunctionBodiesWhole() {
        String script = """
                CREATE FUNCTION f() RETURNS INT LANGUAGE plpgsql AS $$
                BEGIN
                    RETURN 1;
                END;
                $$;
                SELECT f();
                """;
        List<String> statements = SqlScript.split(script, DbEngine.POSTGRESQL);
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0)).contains("RETURN 1;").endsWith("$$");
        assertThat(statements.get(1)).isEqualTo("SELECT f()");
    }

    @Test
    void everyShippedScriptSplitsAndEndsBySettingItsVersion() throws Exception {
        for (DbEngine engine : DbEngine.values()) {
            for (SchemaMigrator.Migration m : SchemaMigrator.of(engine).migrations()) {
                String text;
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(m.resource())) {
                    assertThat(in).as(m.resource()).isNotNull();
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                List<String> statements = SqlScript.split(text, engine);
                String last = statements.getLast();
                if (m.target().nestorLevel() == 0) {
                    assertThat(last).isEqualTo("INSERT INTO schema_version VALUES (" + m.target().major() + ", "
                            + m.target().minor() + ")");
                } else {
                    assertThat(last).isEqualTo("INSERT INTO nestor_schema VALUES (" + m.target().nestorLevel() + ", "
                            + m.target().nestorLevel() + ")");
                }
            }
        }
    }
}
