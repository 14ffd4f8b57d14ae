package com.campagne.bench;

import com.campagne.accounts.SignupService;
import com.campagne.support.IntegrationTest;
import com.campagne.tenancy.TenantKind;
import com.campagne.tenancy.UserRepository;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.lang.management.ManagementFactory;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How much server heap one logged-in user costs: N real browser sessions log in and open the
 * client list; the heap retained after full GCs, minus the baseline, divided by N. Not a timed
 * test: run it with {@code ./mvnw -pl app verify -Dgroups=bench -DexcludedGroups=}.
 */
@Tag("bench")
class SessionFootprintBench extends IntegrationTest {

    private static final int SESSIONS = 20;

    @LocalServerPort
    int port;
    @Autowired
    SignupService signup;
    @Autowired
    UserRepository users;
    @Autowired
    TenantTransactions transactions;

    @Test
    void heapPerLoggedInSession() throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@campagne.test";
        String password = "Velo-Rouge-Marmotte-42";
        signup.signUp(new SignupService.SignupRequest(TenantKind.AGENCY, "Agence Banc d’essai", "Camille Banc",
                email, password, Locale.FRENCH));
        transactions.inScope(new TenantContext.Scope(null, null, null),
                () -> users.findByEmail(email).orElseThrow().markEmailVerified(Instant.now()));

        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync")))) {
            // Warm up: one session first, so that classes and caches loaded once are not counted.
            List<BrowserContext> contexts = new ArrayList<>();
            contexts.add(login(browser, email, password));
            long before = retainedHeap();
            for (int i = 0; i < SESSIONS; i++) {
                contexts.add(login(browser, email, password));
            }
            long after = retainedHeap();
            long perSession = (after - before) / SESSIONS;
            System.out.printf("BENCH session_heap_bytes=%d sessions=%d baseline_mb=%.1f%n", perSession, SESSIONS,
                    before / 1048576.0);
            assertThat(perSession).isPositive();
            contexts.forEach(BrowserContext::close);
        }
    }

    private BrowserContext login(Browser browser, String email, String password) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("fr-FR"));
        Page page = context.newPage();
        page.navigate("http://localhost:" + port + "/login");
        page.locator("vaadin-login-form input[name=username]").fill(email);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form input[name=password]").press("Enter");
        try {
            page.waitForSelector("#clients-empty, #clients-grid", new Page.WaitForSelectorOptions().setTimeout(15000));
        } catch (RuntimeException e) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/bench-login-failure.png")));
            throw new AssertionError("Login did not reach the client list; now at " + page.url(), e);
        }
        return context;
    }

    private static long retainedHeap() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
