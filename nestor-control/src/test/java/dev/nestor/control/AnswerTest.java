package dev.nestor.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class AnswerTest {
    @Test
    void writesKeaTextFormOmittingNullMembers() {
        assertThat(Answer.success().toJson()).isEqualTo("{ \"result\": 0 }");
        assertThat(Answer.of(Answer.UNSUPPORTED, "'foo' command not supported.").toJson())
                .isEqualTo("{ \"result\": 2, \"text\": \"'foo' command not supported.\" }");
        ObjectNode args = KeaJson.object();
        args.put("b", 1).put("a", "x");
        assertThat(Answer.success("done", args).toJson())
                .isEqualTo("{ \"arguments\": { \"a\": \"x\", \"b\": 1 }, \"result\": 0, \"text\": \"done\" }");
        assertThat(Answer.success(KeaJson.object()).toJson()).isEqualTo("{ \"arguments\": {  }, \"result\": 0 }");
        assertThat(new Answer(0, "", null).text()).isNull();
    }

    @Test
    void resultCodesMatchKea() {
        assertThat(new int[] {Answer.SUCCESS, Answer.ERROR, Answer.UNSUPPORTED, Answer.EMPTY, Answer.CONFLICT, Answer.FATAL_ERROR})
                .containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void failureNeedsText() {
        assertThatThrownBy(() -> Answer.error("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesAnswers() throws CommandException {
        Answer a = Answer.parse("{\"result\": 3, \"text\": \"0 IPv4 lease(s) found.\", \"arguments\": {\"leases\": []}}");
        assertThat(a.result()).isEqualTo(Answer.EMPTY);
        assertThat(a.text()).isEqualTo("0 IPv4 lease(s) found.");
        assertThat(a.arguments().get("leases").isArray()).isTrue();
        assertThatThrownBy(() -> Answer.parse("{\"text\": \"x\"}")).hasMessage("invalid answer: does not contain mandatory 'result'");
        assertThatThrownBy(() -> Answer.parse("{\"result\": \"0\"}"))
                .hasMessage("invalid answer: expected 'result' to be an integer, got string instead");
    }

    @Test
    void keaJsonEscapesAndFormatsLikeElementStr() throws Exception {
        assertThat(KeaJson.write(KeaJson.parse("{\"s\": \"a\\\"b\\\\c\\n\\u0001\", \"l\": [], \"n\": null, \"t\": true}")))
                .isEqualTo("{ \"l\": [  ], \"n\": null, \"s\": \"a\\\"b\\\\c\\n\\u0001\", \"t\": true }");
        assertThat(KeaJson.cppDouble(1.0)).isEqualTo("1.0");
        assertThat(KeaJson.cppDouble(0.5)).isEqualTo("0.5");
        assertThat(KeaJson.cppDouble(0)).isEqualTo("0.0");
        assertThat(KeaJson.cppDouble(1234567.0)).isEqualTo("1.23457e+06");
        assertThat(KeaJson.cppDouble(1e6)).isEqualTo("1e+06");
        assertThat(KeaJson.cppDouble(0.123456789)).isEqualTo("0.123457");
        assertThat(KeaJson.cppDouble(0.0001)).isEqualTo("0.0001");
        assertThat(KeaJson.cppDouble(0.00001234)).isEqualTo("1.234e-05");
        assertThat(KeaJson.cppDouble(-2.5)).isEqualTo("-2.5");
        assertThat(KeaJson.cppDouble(123456.0)).isEqualTo("123456.0");
    }
}
