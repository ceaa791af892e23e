package io.icewarn.bot.e2e;

import java.util.Map;

/** The kill test on the embedded database (the default): all 22 kill points. */
final class CatchUpKillIT extends KillAndRestart {
    @Override
    Map<String, String> database() {
        return Map.of();
    }

    @Override
    int points() {
        return 22;
    }
}
