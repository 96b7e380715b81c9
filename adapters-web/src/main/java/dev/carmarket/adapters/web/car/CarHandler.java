package dev.carmarket.adapters.web.car;

import dev.carmarket.adapters.web.http.JsonResponses;
import dev.carmarket.adapters.web.http.ListEnvelope;
import dev.carmarket.adapters.web.input.PathIds;
import dev.carmarket.ports.domain.car.CarId;
import dev.carmarket.ports.domain.car.CarPage;
import dev.carmarket.ports.in.car.GetCarDetailsUseCase;
import dev.carmarket.ports.in.car.SearchCarsUseCase;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code GET /car-details/search} and {@code GET /car-details/{id}}. */
public final class CarHandler {

    private final SearchCarsUseCase searchCars;
    private final GetCarDetailsUseCase getCarDetails;
    private final JsonResponses responses;

    public CarHandler(SearchCarsUseCase searchCars, GetCarDetailsUseCase getCarDetails, JsonResponses responses) {
        this.searchCars = searchCars;
        this.getCarDetails = getCarDetails;
        this.responses = responses;
    }

    public Mono<ServerResponse> search(ServerRequest request) {
        return Mono.fromSupplier(() -> CarSearchQuery.parse(request.queryParams()))
                .flatMap(searchCars::search)
                .flatMap(page -> responses.page(page.items().stream().map(CarSummaryResponse::from).toList(),
                        pagination(page)));
    }

    public Mono<ServerResponse> details(ServerRequest request) {
        return PathIds.of(request, CarId::new)
                .flatMap(getCarDetails::getCarDetails)
                .flatMap(car -> responses.ok(CarDetailsResponse.from(car)));
    }

    private static ListEnvelope.Pagination pagination(CarPage page) {
        return new ListEnvelope.Pagination(page.page(), page.limit(), page.total(), page.totalPages());
    }
}
