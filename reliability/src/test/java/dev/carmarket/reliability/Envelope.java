package dev.carmarket.reliability;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The contract's envelopes (docs/api.md): what is wrong with a reply's shape, if anything.
 * An empty list means the reply is a well-formed success or error envelope for its status.
 */
final class Envelope {

    private Envelope() {
    }

    static List<String> problems(Reply reply) {
        List<String> problems = new ArrayList<>();
        if (reply.failure() != null) {
            problems.add("no HTTP answer: " + reply.failure());
            return problems;
        }
        if (!reply.header("Content-Type").orElse("").startsWith("application/json")) {
            problems.add("Content-Type " + reply.header("Content-Type").orElse("<none>"));
        }
        if (reply.header("X-Request-Id").isEmpty()) {
            problems.add("no X-Request-Id");
        }
        JsonNode body;
        try {
            body = reply.json();
        } catch (JacksonException notJson) {
            problems.add("body is not JSON");
            return problems;
        }
        if (reply.status() < 400) {
            if (!body.path("success").asBoolean(false) || !body.has("data")) {
                problems.add("success envelope without success=true and data");
            }
            return problems;
        }
        if (body.path("statusCode").asInt() != reply.status()) {
            problems.add("statusCode " + body.path("statusCode") + " for HTTP " + reply.status());
        }
        if (!body.path("error").isString() || !body.path("requestId").isString()) {
            problems.add("error or requestId missing");
        }
        JsonNode message = body.path("message");
        boolean stringList = message.isArray() && message.size() > 0 && message.valueStream().allMatch(JsonNode::isString);
        if (!message.isString() && !stringList) {
            problems.add("message neither a string nor an array of strings");
        }
        if (reply.body().contains("Exception") || reply.body().contains("\tat ") || reply.body().contains("SQL")) {
            problems.add("leaks internals");
        }
        return problems;
    }
}
