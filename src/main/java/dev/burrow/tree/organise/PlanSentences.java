package dev.burrow.tree.organise;

import java.time.Duration;
import java.util.Locale;

/** The sentences a plan is told in, the same in the command line and the window. */
public final class PlanSentences {

    private PlanSentences() {
    }

    /**
     * "12 moves into 3 folders, 2 new folders: 14 requests (within PostHog's rate limit, no
     * waiting)." or "…: 5,002 requests (PostHog's rate limit spreads them over about 9 min).". It said
     * "(under a second at PostHog's rate limit)" for 213 requests, which read as the whole time.
     */
    public static String summary(Plan plan) {
        if (plan.isEmpty()) {
            return plan.matched() == 0 ? "Nothing matches the query: nothing to move."
                    : "Nothing to move: every matching row stays where it is.";
        }
        int folders = plan.byDestination().size();
        int fresh = plan.newFolders().size();
        return count(plan.moves().size(), "move") + " into " + count(folders, "folder")
                + (fresh == 0 ? "" : ", " + count(fresh, "new folder")) + ": " + count(plan.requests(), "request")
                + " (" + pace(plan.timeAtRateLimit()) + ").";
    }

    /** What the rate limit adds: nothing, or the time it spreads the requests over. */
    static String pace(Duration spread) {
        return spread.toSeconds() < 1 ? "within PostHog's rate limit, no waiting"
                : "PostHog's rate limit spreads them over " + duration(spread);
    }

    /** "1 item", "1,204 items". */
    public static String count(int n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** "under a second", "about 42 s", "about 12 min", "about 2 h 5 min". */
    public static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 1) {
            return "under a second";
        }
        if (s < 120) {
            return "about " + s + " s";
        }
        long minutes = Math.round(s / 60.0);
        if (minutes < 120) {
            return "about " + minutes + " min";
        }
        return "about " + minutes / 60 + " h " + minutes % 60 + " min";
    }
}
