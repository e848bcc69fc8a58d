package dev.burrow.server.seed;

import static dev.burrow.api.ObjectType.ACTION;
import static dev.burrow.api.ObjectType.COHORT;
import static dev.burrow.api.ObjectType.DASHBOARD;
import static dev.burrow.api.ObjectType.DESTINATION;
import static dev.burrow.api.ObjectType.EARLY_ACCESS_FEATURE;
import static dev.burrow.api.ObjectType.EXPERIMENT;
import static dev.burrow.api.ObjectType.FEATURE_FLAG;
import static dev.burrow.api.ObjectType.INSIGHT;
import static dev.burrow.api.ObjectType.NOTEBOOK;
import static dev.burrow.api.ObjectType.REPLAY_PLAYLIST;
import static dev.burrow.api.ObjectType.SITE_APP;
import static dev.burrow.api.ObjectType.SOURCE_WEBHOOK;
import static dev.burrow.api.ObjectType.SURVEY;
import static dev.burrow.api.ObjectType.TRANSFORMATION;

import dev.burrow.api.ObjectType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the demo project contains: its people, folders, counts and names. */
final class DemoCatalog {

    record User(long id, String firstName, String lastName, String email) {
    }

    /** A hand-made folder (unescaped names, outermost first) and the types filed there. */
    record HandFolder(List<String> names, Set<ObjectType> types) {
    }

    /** An object with a fixed name and place; {@code folder} null means its default folder. */
    record Featured(ObjectType type, String name, List<String> folder) {
    }

    /** A link row to a featured object at another folder. */
    record Link(ObjectType type, String name, List<String> folder) {
    }

    /** Users besides the local owner (id 1). */
    static final List<User> USERS = List.of(
            new User(2, "Maya", "Patel", "maya.patel@hedgebox.example"),
            new User(3, "Jörg", "Ødegård", "joerg.odegard@hedgebox.example"),
            new User(4, "Sam", "Okafor", "sam.okafor@hedgebox.example"),
            new User(5, "Lucía", "Fernández", "lucia.fernandez@hedgebox.example"),
            new User(6, "Hana", "Sato", "hana.sato@hedgebox.example"));

    static final Map<ObjectType, Integer> COUNTS = counts();

    static final List<String> GROWTH_ACTIVATION = List.of("Product", "Growth", "Activation");
    static final List<String> ONBOARDING = List.of("Product", "Growth", "Activation", "Onboarding funnel");
    static final List<String> WEEK_1 = List.of("Product", "Growth", "Activation", "Onboarding funnel", "Week 1");
    static final List<String> CAMPAIGNS_Q1_Q2 = List.of("Marketing", "Campaigns", "2026", "Q1 / Q2");
    static final List<String> KEY_METRICS = List.of("Leadership", "Board", "2026", "Key metrics");
    static final List<String> IOS_FLAGS = List.of("Engineering", "Platform", "Release flags", "Mobile", "iOS");

    static final List<HandFolder> HAND_FOLDERS = List.of(
            new HandFolder(WEEK_1, EnumSet.of(INSIGHT, DASHBOARD, NOTEBOOK)),
            new HandFolder(ONBOARDING, EnumSet.of(INSIGHT, DASHBOARD, EXPERIMENT)),
            new HandFolder(List.of("Product", "Growth", "Retention", "Cohorts"), EnumSet.of(COHORT, INSIGHT)),
            new HandFolder(List.of("Product", "Growth", "International", "日本 launch"),
                    EnumSet.of(INSIGHT, DASHBOARD, FEATURE_FLAG, SURVEY)),
            new HandFolder(List.of("Product", "Core", "Search", "Relevance"),
                    EnumSet.of(INSIGHT, EXPERIMENT, REPLAY_PLAYLIST)),
            new HandFolder(List.of("Product", "Core", "Editor", "Performance", "Latency"),
                    EnumSet.of(INSIGHT, DASHBOARD)),
            new HandFolder(List.of("Product", "Core", "Billing"), EnumSet.of(INSIGHT, DASHBOARD, FEATURE_FLAG, ACTION)),
            new HandFolder(CAMPAIGNS_Q1_Q2, EnumSet.of(INSIGHT, DASHBOARD, SURVEY, COHORT)),
            new HandFolder(List.of("Marketing", "Campaigns", "2025", "Black Friday"), EnumSet.of(INSIGHT, DASHBOARD)),
            new HandFolder(List.of("Marketing", "Website", "Landing pages", "Pricing page"),
                    EnumSet.of(INSIGHT, EXPERIMENT, REPLAY_PLAYLIST)),
            new HandFolder(List.of("Marketing", "SEO", "Blog"), EnumSet.of(INSIGHT, NOTEBOOK, ACTION)),
            new HandFolder(List.of("Engineering", "Platform", "Reliability", "SLOs"),
                    EnumSet.of(INSIGHT, DASHBOARD, NOTEBOOK)),
            new HandFolder(IOS_FLAGS, EnumSet.of(FEATURE_FLAG, EARLY_ACCESS_FEATURE)),
            new HandFolder(List.of("Engineering", "Platform", "Release flags", "Web"),
                    EnumSet.of(FEATURE_FLAG, EXPERIMENT, EARLY_ACCESS_FEATURE)),
            new HandFolder(List.of("Engineering", "Data", "Pipelines", "Destinations"),
                    EnumSet.of(DESTINATION, TRANSFORMATION, SOURCE_WEBHOOK, SITE_APP)),
            new HandFolder(List.of("Customer Success", "Accounts", "Enterprise", "Health scores"),
                    EnumSet.of(DASHBOARD, INSIGHT, COHORT)),
            new HandFolder(List.of("Customer Success", "Support", "Tickets"),
                    EnumSet.of(INSIGHT, REPLAY_PLAYLIST, SURVEY, NOTEBOOK)),
            new HandFolder(List.of("Design", "Research", "Interviews \\ notes"),
                    EnumSet.of(NOTEBOOK, SURVEY, REPLAY_PLAYLIST)));

    /** Folders with nothing in them. */
    static final List<List<String>> EMPTY_FOLDERS = List.of(
            List.of("Archive", "2024"),
            List.of("Engineering", "Platform", "Sandbox"),
            List.of("Marketing", "Campaigns", "2027"),
            List.of("Product", "Growth", "Activation", "Onboarding funnel", "Week 2"));

    static final List<Featured> FEATURED = List.of(
            new Featured(INSIGHT, "Über-Funnel", WEEK_1),
            new Featured(INSIGHT, "Week 1 activation rate", WEEK_1),
            new Featured(INSIGHT, "Café signups", CAMPAIGNS_Q1_Q2),
            new Featured(INSIGHT, "\"Quoted\" metric", List.of("Product", "Core", "Search", "Relevance")),
            new Featured(INSIGHT, "Revenue / user", List.of("Product", "Core", "Billing")),
            new Featured(INSIGHT, "Conversion: mobile / desktop", null),
            new Featured(DASHBOARD, "Growth / Activation overview", ONBOARDING),
            new Featured(DASHBOARD, "日本 launch", List.of("Product", "Growth", "International", "日本 launch")),
            new Featured(DASHBOARD, "Executive overview", List.of("Leadership", "Board", "2026")),
            new Featured(NOTEBOOK, "Exports in C:\\Reports\\Q3", List.of("Customer Success", "Support", "Tickets")),
            new Featured(COHORT, "Power users (≥ 10 sessions/week)", List.of("Product", "Growth", "Retention", "Cohorts")),
            new Featured(EXPERIMENT, "Pricing page A/B",
                    List.of("Marketing", "Website", "Landing pages", "Pricing page")),
            new Featured(SURVEY, "NPS – Q3 2026", null),
            new Featured(FEATURE_FLAG, "ios-new-onboarding", IOS_FLAGS));

    static final List<Link> LINKS = List.of(
            new Link(INSIGHT, "Über-Funnel", KEY_METRICS),
            new Link(INSIGHT, "Revenue / user", KEY_METRICS),
            new Link(INSIGHT, "Café signups", KEY_METRICS),
            new Link(DASHBOARD, "Growth / Activation overview", KEY_METRICS),
            new Link(DASHBOARD, "日本 launch", List.of("Marketing", "Campaigns", "2026")),
            new Link(FEATURE_FLAG, "ios-new-onboarding", List.of("Product", "Growth", "Activation")));

    /** A metric an insight can show: its event, aggregation and a typical daily value. */
    record Metric(String name, String event, String math, int typical) {
    }

    static final List<Metric> METRICS = List.of(
            new Metric("Daily active users", "$pageview", "dau", 1800),
            new Metric("Weekly active users", "$pageview", "weekly_active", 5200),
            new Metric("Monthly active users", "$pageview", "monthly_active", 14000),
            new Metric("Signups", "signed_up", "total", 120),
            new Metric("Pageviews", "$pageview", "total", 25000),
            new Metric("Unique visitors", "$pageview", "dau", 3100),
            new Metric("Checkout conversion", "checkout_started", "total", 340),
            new Metric("Trial to paid conversion", "trial_started", "total", 60),
            new Metric("Onboarding completion", "onboarding_started", "total", 90),
            new Metric("Feature adoption", "feature_used", "dau", 700),
            new Metric("Retention", "$pageview", "total", 100),
            new Metric("Churned accounts", "subscription_cancelled", "total", 8),
            new Metric("Revenue", "purchase_completed", "sum", 4200),
            new Metric("Average order value", "purchase_completed", "avg", 58),
            new Metric("Search usage", "search_performed", "total", 2300),
            new Metric("Invites sent", "invite_sent", "total", 75),
            new Metric("Errors", "$exception", "total", 410),
            new Metric("API calls", "api_request", "total", 98000),
            new Metric("Time to first insight", "insight_created", "median", 14),
            new Metric("Bounce rate", "$pageleave", "total", 38),
            new Metric("Activation rate", "activated", "total", 45),
            new Metric("NPS responses", "survey sent", "total", 22),
            new Metric("Support tickets", "ticket_created", "total", 31),
            new Metric("Page load time", "$web_vitals", "avg", 1200),
            new Metric("Upgrades", "upgrade_clicked", "total", 25));

    /** Ways to cut a metric; a {@code by …} cut is a breakdown on the property after the colon. */
    static final List<String> CUTS = List.of("", " by country:$geoip_country_name", " by browser:$browser",
            " by plan:plan", " (mobile)", " (web)", " – last 30 days", " by referrer:$referring_domain",
            " by cohort:cohort", " week over week", " for EU customers", " by OS:$os");

    static final List<String> EVENTS = List.of("$pageview", "signed_up", "onboarding_started",
            "onboarding_completed", "checkout_started", "purchase_completed", "invite_sent", "search_performed");

    private static final List<String> DASHBOARD_AREAS = List.of("Growth", "Product", "Marketing", "Revenue",
            "Engineering health", "Onboarding", "Retention", "Mobile app", "Web app", "Checkout", "Search", "Billing",
            "Support", "Enterprise accounts", "Self-serve", "Partnerships", "Experimentation", "Data quality");
    private static final List<String> DASHBOARD_KINDS = List.of("overview", "KPIs", "deep dive", "weekly review");
    private static final List<String> FLAG_PREFIXES = List.of("new", "beta", "enable", "rollout", "kill-switch");
    private static final List<String> FLAG_FEATURES = List.of("checkout", "onboarding-v2", "search-ranking",
            "dark-mode", "pricing-page", "sso", "ai-summaries", "billing-portal", "mobile-nav", "csv-export",
            "session-replay", "notifications", "team-invites", "usage-limits", "web-vitals");
    private static final List<String> EXPERIMENTS = List.of("Onboarding checklist", "Signup form length",
            "Free trial length", "Checkout button copy", "Search ranking model", "Welcome email timing",
            "Annual plan discount", "Homepage hero", "In-app tour", "Upgrade modal", "Referral reward",
            "Dark mode default", "Empty state CTA", "Mobile nav tabs", "Paywall position", "Invite flow");
    private static final List<String> NOTEBOOK_TOPICS = List.of("Churn", "Onboarding", "Pricing", "Search quality",
            "Q3 growth", "Mobile crash spike", "Enterprise pilot", "Checkout latency", "Black Friday",
            "Activation metric", "Docs traffic");
    private static final List<String> NOTEBOOK_KINDS = List.of("investigation", "research notes", "review", "retro");
    private static final List<String> COHORTS = List.of("Churned last 30 days", "Trial users",
            "Enterprise accounts", "EU customers", "Mobile-only users", "Newsletter subscribers", "Beta testers",
            "Inactive 14 days", "High intent visitors", "Paying customers", "Free plan", "Signed up this week",
            "Referral signups", "Admins", "API users", "Invited users", "Dormant accounts", "Support heavy",
            "Early adopters", "Students");
    private static final List<String> SURVEYS = List.of("Onboarding feedback", "Cancellation reasons",
            "Feature requests", "CSAT after support", "Pricing perception", "Product-market fit", "Docs helpfulness",
            "Beta feedback", "Mobile app rating", "Checkout friction");
    private static final List<String> PLAYLISTS = List.of("Rage clicks", "Checkout drop-offs", "New user sessions",
            "Errors on mobile", "Enterprise trials", "Long sessions", "Dead clicks on pricing", "Onboarding stuck");
    private static final List<String> EARLY_ACCESS = List.of("AI summaries", "Team workspaces",
            "Scheduled exports", "Custom roles", "Offline mode");
    private static final List<String> DESTINATIONS = List.of("Slack alerts", "Webhook to CRM", "HubSpot contacts",
            "Customer.io", "Amazon S3 export", "Discord #growth");
    private static final List<String> TRANSFORMATIONS = List.of("GeoIP enrichment", "Drop bot traffic",
            "PII scrubbing", "URL normalisation");
    private static final List<String> SITE_APPS = List.of("Feedback widget", "Notification bar");
    private static final List<String> SOURCES = List.of("Stripe webhooks", "GitHub events", "Zendesk tickets");
    private static final List<String> ACTIONS = List.of("Clicked signup", "Completed onboarding", "Viewed pricing",
            "Started checkout", "Purchased", "Invited teammate", "Created project", "Exported CSV", "Opened docs",
            "Contacted sales");

    private DemoCatalog() {
    }

    /** Every name a generated object of this type may get, before shuffling. */
    static List<String> candidateNames(ObjectType type) {
        return switch (type) {
            case DASHBOARD -> cross(DASHBOARD_AREAS, DASHBOARD_KINDS, " ");
            case INSIGHT -> insightNames();
            case FEATURE_FLAG -> cross(FLAG_PREFIXES, FLAG_FEATURES, "-");
            case EXPERIMENT -> EXPERIMENTS;
            case NOTEBOOK -> cross(NOTEBOOK_TOPICS, NOTEBOOK_KINDS, " ");
            case COHORT -> COHORTS;
            case SURVEY -> SURVEYS;
            case REPLAY_PLAYLIST -> PLAYLISTS;
            case EARLY_ACCESS_FEATURE -> EARLY_ACCESS;
            case DESTINATION -> DESTINATIONS;
            case TRANSFORMATION -> TRANSFORMATIONS;
            case SITE_APP -> SITE_APPS;
            case SOURCE_WEBHOOK -> SOURCES;
            case ACTION -> ACTIONS;
            default -> throw new IllegalArgumentException("the demo makes no objects of type " + type.wire());
        };
    }

    /** The display name of an insight from a metric and a cut (the cut's breakdown property removed). */
    static String insightName(Metric metric, String cut) {
        int colon = cut.indexOf(':');
        return metric.name() + (colon < 0 ? cut : cut.substring(0, colon));
    }

    private static List<String> insightNames() {
        List<String> names = new ArrayList<>();
        for (Metric m : METRICS) {
            for (String cut : CUTS) {
                names.add(insightName(m, cut));
            }
        }
        return names;
    }

    private static List<String> cross(List<String> first, List<String> second, String sep) {
        List<String> out = new ArrayList<>();
        for (String a : first) {
            for (String b : second) {
                out.add(a + sep + b);
            }
        }
        return out;
    }

    private static Map<ObjectType, Integer> counts() {
        Map<ObjectType, Integer> m = new EnumMap<>(ObjectType.class);
        m.put(DASHBOARD, 40);
        m.put(INSIGHT, 300);
        m.put(FEATURE_FLAG, 60);
        m.put(EXPERIMENT, 15);
        m.put(NOTEBOOK, 25);
        m.put(COHORT, 20);
        m.put(SURVEY, 10);
        m.put(REPLAY_PLAYLIST, 8);
        m.put(EARLY_ACCESS_FEATURE, 5);
        m.put(DESTINATION, 6);
        m.put(TRANSFORMATION, 4);
        m.put(SITE_APP, 2);
        m.put(SOURCE_WEBHOOK, 3);
        m.put(ACTION, 10);
        return m;
    }
}
