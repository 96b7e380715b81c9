package dev.carmarket.gatling;

import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.carmarket.gatling.support.CarmarketHttp;
import dev.carmarket.gatling.support.LoadSettings;
import dev.carmarket.gatling.support.OrderCaptureChains;
import dev.carmarket.gatling.support.ThresholdAssertions;
import io.gatling.javaapi.core.Simulation;

/** Order capture end to end: order, payment, signed webhook, order read back as PAID; one car per user. */
public class OrderCaptureSimulation extends Simulation {

    static final double DEFAULT_USERS_PER_SEC = 3;

    public OrderCaptureSimulation() {
        LoadSettings settings = LoadSettings.fromSystemProperties(DEFAULT_USERS_PER_SEC);
        OrderCaptureChains orders = OrderCaptureChains.forRate(settings, settings.usersPerSec(), "price_desc");
        setUp(scenario("order capture").exec(orders.orderAndPay())
                        .injectOpen(settings.openInjection(settings.usersPerSec())))
                .protocols(CarmarketHttp.protocol(settings))
                .assertions(ThresholdAssertions.of(getClass().getSimpleName(), OrderCaptureChains.requestNames()))
                .maxDuration(settings.maxDuration());
    }
}
