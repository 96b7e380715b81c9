package dev.carmarket.gatling;

import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.carmarket.gatling.support.CarSearchChains;
import dev.carmarket.gatling.support.CarmarketHttp;
import dev.carmarket.gatling.support.LoadSettings;
import dev.carmarket.gatling.support.OrderCaptureChains;
import dev.carmarket.gatling.support.ThresholdAssertions;
import io.gatling.javaapi.core.Simulation;
import java.util.Set;
import java.util.TreeSet;

/**
 * Production-like traffic: of the arriving users, 90% browse and 10% buy, both at the same time,
 * so searches run while orders reserve and sell cars.
 */
public class MixedSimulation extends Simulation {

    static final double DEFAULT_USERS_PER_SEC = 20;
    static final double BUYER_SHARE = 0.10;

    public MixedSimulation() {
        LoadSettings settings = LoadSettings.fromSystemProperties(DEFAULT_USERS_PER_SEC);
        double buyers = settings.usersPerSec() * BUYER_SHARE;
        double browsers = settings.usersPerSec() - buyers;
        OrderCaptureChains orders = OrderCaptureChains.forRate(settings, buyers, "price_asc");
        Set<String> requestNames = new TreeSet<>(CarSearchChains.requestNames());
        requestNames.addAll(OrderCaptureChains.requestNames());
        setUp(
                scenario("browse").exec(CarSearchChains.browse()).injectOpen(settings.openInjection(browsers)),
                scenario("order capture").exec(orders.orderAndPay()).injectOpen(settings.openInjection(buyers)))
                .protocols(CarmarketHttp.protocol(settings))
                .assertions(ThresholdAssertions.of(getClass().getSimpleName(), requestNames))
                .maxDuration(settings.maxDuration());
    }
}
