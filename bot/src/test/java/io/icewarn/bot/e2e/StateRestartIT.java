package io.icewarn.bot.e2e;

import java.util.Map;

/** Settings and votes survive a kill of the real process on the embedded database (the default). */
final class StateRestartIT extends StateAcrossRestarts {
    @Override
    Map<String, String> database() {
        return Map.of();
    }
}
