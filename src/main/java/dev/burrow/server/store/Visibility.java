package dev.burrow.server.store;

/**
 * Which rows and stars a request from one environment sees (contract/file_system.md §4): those
 * of every environment of the project, except hog functions, which only their own environment
 * sees. And which types lists leave out.
 */
public final class Visibility {

    /**
     * The condition on {@code team} and {@code type}; bind the requesting environment once. (The
     * types that start with {@code hog_function/} are those from it up to {@code hog_function0}:
     * comparisons, cheaper than a function on each row.)
     */
    public static final String SQL = "(team = ? OR type < 'hog_function/' OR type >= 'hog_function0')";
    /** Types no list shows: the retired {@code link} and the flag-gated workflow types. */
    public static final String LISTED = listed("type");

    private static final String HOG_FUNCTION = "hog_function/";

    private Visibility() {
    }

    /** {@link #LISTED} for the type column {@code column} (comparisons: cheaper than a NOT IN list). */
    public static String listed(String column) {
        return column + " <> 'link' AND " + column + " <> 'message_template' AND " + column + " <> 'hog_flow'";
    }

    public static boolean isHogFunction(String type) {
        return type != null && type.startsWith(HOG_FUNCTION);
    }

    /** The Java twin of {@link #SQL}. */
    public static boolean visible(int rowTeam, String type, int team) {
        return rowTeam == team || !isHogFunction(type);
    }
}
