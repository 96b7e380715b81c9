package dev.carmarket.core.common;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A state machine's table of allowed moves. It is the only source of {@link Transition}s,
 * so a move that is not listed here cannot even be expressed.
 */
public final class Lifecycle<S extends Enum<S>> {

    private final Class<S> states;
    private final Map<S, Set<S>> allowed;

    private Lifecycle(Class<S> states, Map<S, Set<S>> allowed) {
        this.states = states;
        this.allowed = allowed;
    }

    public static <S extends Enum<S>> Builder<S> of(Class<S> states) {
        return new Builder<>(states);
    }

    public boolean allows(S from, S to) {
        return allowed.get(from).contains(to);
    }

    /** @throws IllegalArgumentException when the table does not list this move */
    public Transition<S> transition(S from, S to) {
        if (!allows(from, to)) {
            throw new IllegalArgumentException(states.getSimpleName() + " may not move from " + from + " to " + to);
        }
        return new Transition<>(from, to);
    }

    public static final class Builder<S extends Enum<S>> {

        private final Class<S> states;
        private final Map<S, Set<S>> allowed;

        private Builder(Class<S> states) {
            this.states = states;
            this.allowed = new EnumMap<>(states);
            for (S state : states.getEnumConstants()) {
                allowed.put(state, EnumSet.noneOf(states));
            }
        }

        public Builder<S> allow(S from, S to) {
            if (from == to) {
                throw new IllegalArgumentException("a transition must change the state: " + from);
            }
            allowed.get(from).add(to);
            return this;
        }

        public Lifecycle<S> build() {
            Map<S, Set<S>> frozen = new EnumMap<>(states);
            allowed.forEach((from, targets) -> frozen.put(from, Set.copyOf(targets)));
            return new Lifecycle<>(states, Map.copyOf(frozen));
        }
    }
}
