package com.campagne.support;

import com.campagne.accounts.EmailVerification;
import com.campagne.accounts.SignupService;
import com.campagne.tenancy.TenantKind;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.ScreenshotAnimations;
import com.microsoft.playwright.options.ViewportSize;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Base of the tests that drive the running app (production mode, random port) in Debian's Chromium
 * through Playwright.
 *
 * <ul>
 *   <li>One Playwright and one browser per test class (started in {@code @BeforeAll}; test classes run
 *       one at a time, JUnit's default); a fresh context (cookies, language) and {@link #page} per
 *       test, in French unless the test opens other visitors with {@link #newPage(String)}.</li>
 *   <li>Each test leaves a picture of its last screen in {@code target/screenshots/<Class>-<test>.png},
 *       plus {@code -2.png}, {@code -3.png}… for the other visitors' pages, passed or failed.</li>
 *   <li>Tagged {@code browser}: {@code -DskipBrowserTests=true} leaves these tests out.</li>
 * </ul>
 * Tests talk to the screens through the page objects of {@code com.campagne.support.pages}.
 */
@Tag("browser")
public abstract class BrowserTest extends IntegrationTest {

    public static final String DEFAULT_LOCALE = "fr-FR";
    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    /** A password the policy accepts. */
    public static final String PASSWORD = "Velo-Rouge-Marmotte-42";
    /** Long enough for a slow moment on 2 busy cores, short enough to fail a broken test quickly. */
    private static final double TIMEOUT_MS = 20_000;

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    private int port;
    @Autowired
    private SignupService signupService;
    @Autowired
    private EmailVerification emailVerification;

    private final List<BrowserContext> contexts = new ArrayList<>();
    private String testName;
    /** The test's first visitor, French-speaking. */
    protected Page page;

    /** Someone who can log in: their organisation, name, address and password. */
    public record Account(String organization, String name, String email, String password) {
    }

    @BeforeAll
    static void startBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    @BeforeEach
    void openPage(TestInfo info) {
        testName = getClass().getSimpleName() + "-" + info.getTestMethod().map(Method::getName).orElse("test");
        page = newPage(DEFAULT_LOCALE);
    }

    @AfterEach
    void screenshotAndClose() {
        try {
            int n = 1;
            for (BrowserContext context : contexts) {
                for (Page p : context.pages()) {
                    if (!p.isClosed() && !p.url().startsWith("about:")) {
                        try {
                            waitForVaadin(p, 5_000);
                        } catch (TimeoutError stillBusy) {
                            // A failed test may leave the page busy: a picture of it is all the more useful.
                        }
                        save(p, n == 1 ? testName : testName + "-" + n);
                    }
                    n++;
                }
            }
        } finally {
            contexts.forEach(BrowserContext::close);
            contexts.clear();
        }
    }

    /**
     * A page for another visitor: a new context (own cookies) whose browser asks for {@code locale}
     * (e.g. "en-GB"). Closed after the test.
     */
    protected Page newPage(String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale(locale)
                .setTimezoneId("Europe/Paris")
                .setViewportSize(new ViewportSize(1280, 800))
                .setBaseURL(baseUrl()));
        context.setDefaultTimeout(TIMEOUT_MS);
        context.setDefaultNavigationTimeout(TIMEOUT_MS);
        contexts.add(context);
        return context.newPage();
    }

    /** The address of the app under test, e.g. {@code http://localhost:41234}. */
    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Saves a full-page picture of {@code page} as {@code target/screenshots/<name>.png}, once Vaadin is idle. */
    protected static Path screenshot(Page page, String name) {
        waitForVaadin(page);
        return save(page, name);
    }

    private static Path save(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true)
                .setAnimations(ScreenshotAnimations.DISABLED));
        return file;
    }

    /** Waits until Vaadin has rendered the UI and has no server round trip in flight. */
    public static void waitForVaadin(Page page) {
        waitForVaadin(page, TIMEOUT_MS);
    }

    private static void waitForVaadin(Page page, double timeoutMs) {
        // "TypeScript" is registered as soon as the page loads; the UI's own client (e.g. "ROOT") only
        // once the server has sent the UI: wait for it, then for every client to be idle.
        page.waitForFunction("() => { const c = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;"
                + " return !!c && Object.keys(c).some(k => k !== 'TypeScript')"
                + " && Object.values(c).every(x => !x.isActive || !x.isActive()); }", null,
                new Page.WaitForFunctionOptions().setTimeout(timeoutMs));
    }

    /**
     * An organisation and its owner with a confirmed address, created through the services and the
     * real verification mail (the sign-up screens have their own test): for tests that start after
     * sign-up. The owner's language is {@code locale}.
     */
    protected Account signedUpOwner(TenantKind kind, String organization, String name, Locale locale) {
        String local = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".").replaceAll("(^\\.|\\.$)", "");
        String email = uniqueEmail(local);
        signupService.signUp(new SignupService.SignupRequest(kind, organization, name, email, PASSWORD, locale));
        String link = Mailbox.waitFor(email, "Campagne").firstLink();
        if (!emailVerification.verify(link.substring(link.indexOf("token=") + "token=".length()))) {
            throw new IllegalStateException("The verification link of " + email + " was refused: " + link);
        }
        return new Account(organization, name, email, PASSWORD);
    }

    /** An address no other test uses (all tests of the JVM share one database and one mail server). */
    protected static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test";
    }
}
