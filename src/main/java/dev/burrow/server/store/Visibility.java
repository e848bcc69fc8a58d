package dev.burrow.server.store;

/**
 * Which rows and stars a request from one environment sees (contract/file_system.md §4): those
 * of every environment of the project, except hog functions, which only their own environment
 * sees. And which types lists leave out.
 */
public final class Visibility {

    /** The condition on {@code team} and {@code type}; bind the requesting environment once. */
    public static final String SQL = "(team = ? OR substr(type, 1, 13) <> 'hog_function/')";
    /** Types no list shows: the retired {@code link} and the flag-gated workflow types. */
    public static final String LISTED = "type NOT IN ('link', 'message_template', 'hog_flow')";

    private static final String HOG_FUNCTION = "hog_function/";

    private Visibility() {
    }

    public static boolean isHogFunction(String type) {
        return type != null && type.startsWith(HOG_FUNCTION);
    }

    /** The Java twin of {@link #SQL}. */
    public static boolean visible(int rowTeam, String type, int team) {
        return rowTeam == team || !isHogFunction(type);
    }
}
