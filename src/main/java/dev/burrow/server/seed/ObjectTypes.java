package dev.burrow.server.seed;

import java.util.List;

/**
 * The object types the seeds create, with PostHog's default folder and href pattern for each
 * (contract/file_system.md §2.1).
 */
enum ObjectTypes {
    DASHBOARD("dashboard", "Unfiled/Dashboards", "/dashboard/", false),
    INSIGHT("insight", "Unfiled/Insights", "/insights/", true),
    FEATURE_FLAG("feature_flag", "Unfiled/Feature Flags", "/feature_flags/", false),
    EXPERIMENT("experiment", "Unfiled/Experiments", "/experiments/", false),
    NOTEBOOK("notebook", "Unfiled/Notebooks", "/notebooks/", true),
    COHORT("cohort", "Unfiled/Cohorts", "/cohorts/", false),
    SURVEY("survey", "Unfiled/Surveys", "/surveys/", false),
    REPLAY_PLAYLIST("session_recording_playlist", "Unfiled/Replay playlists", "/replay/playlists/", true),
    EARLY_ACCESS_FEATURE("early_access_feature", "Unfiled/Early Access Features", "/early_access_features/", false),
    DESTINATION("hog_function/destination", "Unfiled/Destinations", "/pipeline/destinations/hog-", false),
    TRANSFORMATION("hog_function/transformation", "Unfiled/Transformations", "/pipeline/transformations/hog-", false),
    SITE_APP("hog_function/site_app", "Unfiled/Site apps", "/pipeline/site-apps/hog-", false),
    SOURCE_WEBHOOK("hog_function/source_webhook", "Unfiled/Sources", "/pipeline/sources/hog-", false),
    /** PostHog names no default folder for actions; the seeds file them here. */
    ACTION("action", "Unfiled/Actions", "/data-management/actions/", false);

    static final List<ObjectTypes> ALL = List.of(values());

    final String type;
    final String defaultFolder;
    private final String hrefPrefix;
    /** True when the tree's {@code ref} is the object's short id rather than its numeric id. */
    final boolean refIsShortId;

    ObjectTypes(String type, String defaultFolder, String hrefPrefix, boolean refIsShortId) {
        this.type = type;
        this.defaultFolder = defaultFolder;
        this.hrefPrefix = hrefPrefix;
        this.refIsShortId = refIsShortId;
    }

    boolean isHogFunction() {
        return type.startsWith("hog_function/");
    }

    String ref(long id, String shortId) {
        return refIsShortId ? shortId : Long.toString(id);
    }

    String href(long id, String shortId) {
        return isHogFunction() ? hrefPrefix + id + "/configuration" : hrefPrefix + ref(id, shortId);
    }
}
