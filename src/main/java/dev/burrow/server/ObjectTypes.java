package dev.burrow.server;

import java.util.Map;

/**
 * What the local server knows of the object types behind tree rows (contract/file_system.md
 * §2.1): default folders, hrefs, and how a delete treats them.
 */
public final class ObjectTypes {

    /** How deleting the last row of an object treats the object. */
    enum DeleteMode {
        /** Soft delete; undo_delete restores it. */
        SOFT_RESTORABLE,
        /** Deleted for good (surveys); listed as "soft" by PostHog but not restorable. */
        SOFT_FINAL,
        /** Hard delete; not restorable. */
        HARD
    }

    private static final Map<String, String> FOLDERS = Map.ofEntries(
            Map.entry("dashboard", "Unfiled/Dashboards"),
            Map.entry("insight", "Unfiled/Insights"),
            Map.entry("feature_flag", "Unfiled/Feature Flags"),
            Map.entry("experiment", "Unfiled/Experiments"),
            Map.entry("notebook", "Unfiled/Notebooks"),
            Map.entry("cohort", "Unfiled/Cohorts"),
            Map.entry("session_recording_playlist", "Unfiled/Replay playlists"),
            Map.entry("action", "Unfiled/Actions"),
            Map.entry("survey", "Unfiled/Surveys"),
            Map.entry("early_access_feature", "Unfiled/Early Access Features"),
            Map.entry("hog_function/destination", "Unfiled/Destinations"),
            Map.entry("hog_function/site_destination", "Unfiled/Destinations"),
            Map.entry("hog_function/internal_destination", "Unfiled/Destinations"),
            Map.entry("hog_function/site_app", "Unfiled/Site apps"),
            Map.entry("hog_function/transformation", "Unfiled/Transformations"),
            Map.entry("hog_function/source_webhook", "Unfiled/Sources"),
            Map.entry("hog_function/source", "Unfiled/Sources"),
            Map.entry("hog_function/broadcast", "Unfiled/Destinations"),
            Map.entry("hog_function/campaign", "Unfiled/Destinations"),
            Map.entry("message_template", "Unfiled/Email templates"),
            Map.entry("hog_flow", "Unfiled/Workflows"));

    private ObjectTypes() {
    }

    /** True for a type whose rows stand for objects the server can delete. */
    static boolean isRegistered(String type) {
        return FOLDERS.containsKey(type) || type.startsWith("hog_function/");
    }

    /** Types hidden from lists: the retired {@code link} and the flag-gated workflow types. */
    static boolean isHidden(String type) {
        return "link".equals(type) || "message_template".equals(type) || "hog_flow".equals(type);
    }

    public static String defaultFolder(String type) {
        String folder = FOLDERS.get(type);
        return folder != null ? folder : type.startsWith("hog_function/") ? "Unfiled/Destinations" : "Unfiled";
    }

    static DeleteMode deleteMode(String type) {
        return switch (type) {
            case "survey" -> DeleteMode.SOFT_FINAL;
            case "early_access_feature" -> DeleteMode.HARD;
            default -> DeleteMode.SOFT_RESTORABLE;
        };
    }

    /** The app-relative URL of an object; {@code ref} is its id or short id. */
    public static String href(String type, String ref, long id) {
        if (type.startsWith("hog_function/")) {
            String kind = type.substring("hog_function/".length());
            String section = switch (kind) {
                case "transformation" -> "transformations";
                case "site_app" -> "site-apps";
                case "source", "source_webhook" -> "sources";
                default -> "destinations";
            };
            return "/pipeline/" + section + "/hog-" + id + "/configuration";
        }
        return switch (type) {
            case "dashboard" -> "/dashboard/" + ref;
            case "insight" -> "/insights/" + ref;
            case "feature_flag" -> "/feature_flags/" + ref;
            case "experiment" -> "/experiments/" + ref;
            case "notebook" -> "/notebooks/" + ref;
            case "cohort" -> "/cohorts/" + ref;
            case "session_recording_playlist" -> "/replay/playlists/" + ref;
            case "action" -> "/data-management/actions/" + ref;
            case "survey" -> "/surveys/" + ref;
            case "early_access_feature" -> "/early_access_features/" + ref;
            case "message_template" -> "/workflows/library/templates/" + ref;
            case "hog_flow" -> "/workflows/" + ref;
            default -> null;
        };
    }
}
