package com.campagne.plugins.smtp;

import com.campagne.connectors.api.ConnectorException;
import com.campagne.connectors.api.EmailMessage;
import com.campagne.connectors.api.FailureType;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.testkit.TestContext;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Sends through a real SMTP server (GreenMail) and types every failure the user can meet. */
class SmtpConnectorTest {

    private static final String USER = "newsletter@boulangerie-martin.fr";
    private static final String PASSWORD = "levain-2026";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, USER, PASSWORD));

    private final SmtpConnector connector = new SmtpConnector();

    private static Map<String, String> settings(Map<String, String> changes) {
        Map<String, String> values = new HashMap<>(Map.of("host", "localhost",
                "port", String.valueOf(MAIL.getSmtp().getPort()), "security", "none", "username", USER,
                "fromAddress", USER, "fromName", "Boulangerie Martin"));
        values.putAll(changes);
        values.values().removeIf(String::isEmpty);
        return values;
    }

    private static TestContext context(String password) {
        return TestContext.of(password == null ? Map.of() : Map.of("password", password));
    }

    private static EmailMessage message(String to, String subject) {
        return new EmailMessage(USER, "Boulangerie Martin", List.of(to), null, subject,
                "<p>Bonjour, la galette est de retour !</p>", "Bonjour, la galette est de retour !",
                Map.of("List-Unsubscribe", "<https://campagne.example/desinscription/abc>"));
    }

    @Test
    void checkLogsIn() {
        assertThat(connector.check(context(PASSWORD), Settings.of(settings(Map.of()))).message().en())
                .contains("Connected to localhost:").contains(USER);
    }

    @Test
    void sendsOneMessageWithTextAndHtmlInUtf8() throws Exception {
        String id = connector.send(context(PASSWORD), Settings.of(settings(Map.of())),
                message("client@exemple.fr", "La galette des rois est arrivée 👑"));

        MimeMessage received = MAIL.getReceivedMessages()[0];
        assertThat(id).isNotBlank().isEqualTo(received.getMessageID());
        assertThat(received.getSubject()).isEqualTo("La galette des rois est arrivée 👑");
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Boulangerie Martin");
        assertThat(received.getHeader("List-Unsubscribe")[0]).isEqualTo("<https://campagne.example/desinscription/abc>");
        MimeMultipart alternative = (MimeMultipart) received.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getCount()).isEqualTo(2);
        assertThat(GreenMailUtil.getBody(received)).contains("galette");
    }

    @Test
    void sendsABatchOverOneConnection() {
        List<String> ids = connector.sendBatch(context(PASSWORD), Settings.of(settings(Map.of())), List.of(
                message("a@exemple.fr", "Lettre du fournil – janvier"),
                message("b@exemple.fr", "Lettre du fournil – janvier"),
                message("c@exemple.fr", "Lettre du fournil – janvier")));

        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(MAIL.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aLineBreakInTheSubjectCannotAddAHeader() throws Exception {
        connector.send(context(PASSWORD), Settings.of(settings(Map.of())),
                message("client@exemple.fr", "Promo\r\nBcc: espion@exemple.fr"));

        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(MAIL.getReceivedMessages()[0].getHeader("Bcc")).isNull();
    }

    @Test
    void aWrongPasswordIsABadSettingOnThePassword() {
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> connector.check(context("faux"), Settings.of(settings(Map.of()))));

        assertThat(e.type()).isEqualTo(FailureType.BAD_SETTINGS);
        assertThat(e.settingKey()).isEqualTo("password");
        assertThat(e.userMessage().fr()).contains("refuse l’identifiant ou le mot de passe");
    }

    @Test
    void anUnknownHostIsABadSettingOnTheHost() {
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> connector.check(context(PASSWORD), Settings.of(settings(Map.of("host", "smtp.nulle-part.invalid")))));

        assertThat(e.type()).isEqualTo(FailureType.BAD_SETTINGS);
        assertThat(e.settingKey()).isEqualTo("host");
        assertThat(e.userMessage().en()).contains("cannot be found");
    }

    @Test
    void anUnreachableServerIsTransient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> connector.check(context(PASSWORD), Settings.of(settings(Map.of("port", String.valueOf(closedPort))))));

        assertThat(e.type()).isEqualTo(FailureType.TRANSIENT);
        assertThat(e.userMessage().en()).contains("cannot be reached");
    }

    @Test
    void aServerThatNeverAnswersTimesOutAsTransient() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(5_000);
                } catch (Exception done) {
                    // The test is over.
                }
            });
            long started = System.nanoTime();
            ConnectorException e = catchThrowableOfType(ConnectorException.class,
                    () -> connector.check(context(PASSWORD), Settings.of(settings(Map.of(
                            "port", String.valueOf(silent.getLocalPort()), "timeoutSeconds", "1")))));
            acceptor.interrupt();

            assertThat(e.type()).isEqualTo(FailureType.TRANSIENT);
            assertThat(e.userMessage().en()).contains("did not answer within 1 s");
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(4_000);
        }
    }

    @Test
    void encryptionTheServerDoesNotOfferIsABadSettingOnTheSecurity() {
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> connector.check(context(PASSWORD), Settings.of(settings(Map.of("security", "ssl")))));

        assertThat(e.type()).isEqualTo(FailureType.BAD_SETTINGS);
        assertThat(e.settingKey()).isEqualTo("security");
    }

    @Test
    void aMissingPasswordIsABadSettingBeforeAnyConnection() {
        ConnectorException e = catchThrowableOfType(ConnectorException.class,
                () -> connector.check(context(null), Settings.of(settings(Map.of()))));

        assertThat(e.settingKey()).isEqualTo("password");
    }
}
