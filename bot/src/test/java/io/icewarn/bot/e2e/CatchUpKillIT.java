package io.icewarn.bot.e2e;

import java.util.Map;

/** The kill test on the embedded database (the default): all twenty-one kill points. */
final class CatchUpKillIT extends KillAndRestart {
    @Override
    Map<String, String> database() {
        return Map.of();
    }

    @Override
    int points() {
        return 21;
    }
}
