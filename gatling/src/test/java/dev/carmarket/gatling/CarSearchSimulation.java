package dev.carmarket.gatling;

import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.carmarket.gatling.support.CarSearchChains;
import dev.carmarket.gatling.support.CarmarketHttp;
import dev.carmarket.gatling.support.LoadSettings;
import dev.carmarket.gatling.support.ThresholdAssertions;
import io.gatling.javaapi.core.Simulation;

/** {@code GET /car-details/search} with a realistic mix of filters, sorts and pages, plus detail views. */
public class CarSearchSimulation extends Simulation {

    static final double DEFAULT_USERS_PER_SEC = 20;

    public CarSearchSimulation() {
        LoadSettings settings = LoadSettings.fromSystemProperties(DEFAULT_USERS_PER_SEC);
        setUp(scenario("browse").exec(CarSearchChains.browse())
                        .injectOpen(settings.openInjection(settings.usersPerSec())))
                .protocols(CarmarketHttp.protocol(settings))
                .assertions(ThresholdAssertions.of(getClass().getSimpleName(), CarSearchChains.requestNames()))
                .maxDuration(settings.maxDuration());
    }
}
