package dev.carmarket.adapters.web.security;

import dev.carmarket.adapters.web.http.ClientAddress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carmarket.ports.domain.order.ClientNetwork;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** The client network the quota and the rate limits count, from the resolved client address. */
class ClientNetworkOfTest {

    private static ClientNetwork networkOf(String resolvedAddress) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/car-details/search"));
        exchange.getAttributes().put(ClientAddress.ATTRIBUTE, resolvedAddress);
        return ClientAddress.networkOf(exchange);
    }

    @Test
    void anIpv4AddressIsItsOwnNetworkHoweverItIsSpelled() {
        assertThat(networkOf("203.0.113.7")).isEqualTo(new ClientNetwork("203.0.113.7"));
        assertThat(networkOf("::ffff:203.0.113.7")).isEqualTo(new ClientNetwork("203.0.113.7"));
    }

    @Test
    void ipv6AddressesCountByTheirSlash64() {
        ClientNetwork network = networkOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd");

        assertThat(network.value()).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(networkOf("2001:DB8:1:2::1")).isEqualTo(network);
        assertThat(networkOf("2001:db8:1:3::1")).isNotEqualTo(network);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "shop.example", "localhost", "1.2.3.4; DROP TABLE orders", "::g"})
    void anythingButAnIpLiteralIsTheUnknownClientAndNeverALookup(String address) {
        assertThat(networkOf(address)).isEqualTo(ClientNetwork.UNKNOWN);
    }

    @Test
    void theNetworkIsThePeersUntilTheAddressIsResolvedThenDerivedOnceWithIt() {
        MockServerWebExchange exchange = MockServerWebExchange.builder(MockServerHttpRequest.post("/orders")
                .remoteAddress(new InetSocketAddress("10.0.0.9", 40_000))).build();

        assertThat(ClientAddress.networkOf(exchange)).isEqualTo(new ClientNetwork("10.0.0.9"));
        ClientAddress.resolved(exchange, "203.0.113.7");
        ClientNetwork resolved = ClientAddress.networkOf(exchange);

        assertThat(resolved).isEqualTo(new ClientNetwork("203.0.113.7"));
        assertThat(ClientAddress.networkOf(exchange)).isSameAs(resolved);
    }
}
