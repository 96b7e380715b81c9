package dev.carmarket.smoke;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** The checks one run performs, in order: read-only always, internal with a token, the write flow on request. */
final class SmokePack {

    private SmokePack() {
    }

    static List<Check> checks(SmokeOptions options, ContractSchemas schemas, Clock clock) {
        JsonMapper mapper = SmokeJson.newMapper();
        ResponseAssertions expect = new ResponseAssertions(schemas, mapper);
        List<Check> checks = new ArrayList<>(new PublicApiChecks(expect, mapper).checks());
        checks.addAll(new HeaderChecks(options.headerPolicy()).checks());
        options.internalToken().ifPresent(token -> checks.addAll(new InternalChecks(expect, token).checks()));
        if (options.write()) {
            WebhookSigner signer = new WebhookSigner(options.webhookSecret().orElseThrow());
            checks.addAll(new WriteFlowChecks(expect, mapper, signer, clock).checks());
        }
        return checks;
    }
}
