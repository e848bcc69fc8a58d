package dev.burrow.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BaseUrlsTest {

    private static String refused(String url, boolean allowHttp) {
        return assertThrows(InvalidSettingException.class, () -> BaseUrls.normalize(url, allowHttp)).getMessage();
    }

    @Test
    void normalisesAcceptableAddresses() {
        assertEquals("https://posthog.example.com", BaseUrls.normalize(" HTTPS://PostHog.Example.com/ ", false));
        assertEquals("https://example.com:8443/posthog", BaseUrls.normalize("https://example.com:8443/posthog//", false));
        assertEquals("http://localhost:8000", BaseUrls.normalize("http://localhost:8000", false));
        assertEquals("http://127.0.0.1:8000", BaseUrls.normalize("http://127.0.0.1:8000/", false));
        assertEquals("http://[::1]:8000", BaseUrls.normalize("http://[::1]:8000", false));
        assertEquals("http://posthog.lan", BaseUrls.normalize("http://posthog.lan", true));
    }

    @Test
    void explainsWhatIsWrong() {
        assertTrue(refused("", false).contains("Enter the server address"));
        assertTrue(refused("posthog.example.com", false).contains("must start with https://"));
        assertTrue(refused("ftp://posthog.example.com", false).contains("not ftp://"));
        assertTrue(refused("https:///api", false).contains("no host name"));
        assertTrue(refused("https://exa mple.com", false).contains("not a valid URL"));
        assertTrue(refused("https://example.com/?x=1", false).contains("?query"));
        String http = refused("http://posthog.lan", false);
        assertTrue(http.contains("unencrypted") && http.contains("posthog.lan") && http.contains("allow insecure http"),
                http);
    }

    @Test
    void neverEchoesCredentialsInAnAddress() {
        String message = refused("https://admin:hunter2@example.com", false);
        assertTrue(message.contains("user name or password"), message);
        assertFalse(message.contains("hunter2"));
        assertFalse(refused("http://admin:hunter2@example.com bad", false).contains("hunter2"));
    }

    @Test
    void problemIsEmptyForAGoodAddress() {
        assertTrue(BaseUrls.problem("https://example.com", false).isEmpty());
        assertTrue(BaseUrls.problem("http://example.com", false).isPresent());
    }

    @Test
    void loopbackIsRecognisedByItsLiteralForm() {
        assertTrue(BaseUrls.isLoopback("localhost"));
        assertTrue(BaseUrls.isLoopback("app.localhost"));
        assertTrue(BaseUrls.isLoopback("127.1.2.3"));
        assertTrue(BaseUrls.isLoopback("[::1]"));
        assertFalse(BaseUrls.isLoopback("localhost.example.com"));
        assertFalse(BaseUrls.isLoopback("128.0.0.1"));
    }

    @Test
    void profilesValidateTheirFields() {
        assertEquals("https://us.posthog.com", ConnectionProfile.postHogUs("US", 2, null).baseUrl());
        assertEquals("https://eu.posthog.com", ConnectionProfile.postHogEu("EU", 2, null).baseUrl());
        String env = assertThrows(InvalidSettingException.class, () -> ConnectionProfile.postHogUs("US", 0, null))
                .getMessage();
        assertTrue(env.contains("positive"), env);
        assertThrows(InvalidSettingException.class,
                () -> new ConnectionProfile("US", ProfileKind.POSTHOG_US, "https://evil.example", 1, null, false));
        assertThrows(InvalidSettingException.class, () -> ConnectionProfile.postHogUs(" ", 1, null));
        assertThrows(InvalidSettingException.class, () -> ConnectionProfile.postHogUs("US", 1, "has space"));
        String http = assertThrows(InvalidSettingException.class,
                () -> ConnectionProfile.selfHosted("Lan", "http://posthog.lan", 1, null, false)).getMessage();
        assertTrue(http.contains("unencrypted"));
        assertEquals("http://posthog.lan",
                ConnectionProfile.selfHosted("Lan", "http://posthog.lan/", 1, null, true).baseUrl());
    }
}
