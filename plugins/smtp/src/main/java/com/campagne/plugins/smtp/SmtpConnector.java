package com.campagne.plugins.smtp;

import com.campagne.connectors.api.BadSettingsException;
import com.campagne.connectors.api.Catalog;
import com.campagne.connectors.api.Category;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.Choice;
import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.ConnectorException;
import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.api.EmailMessage;
import com.campagne.connectors.api.EmailSender;
import com.campagne.connectors.api.PermanentException;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.RecordSink;
import com.campagne.connectors.api.SettingField;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Stream;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.TransientException;
import com.campagne.connectors.api.schema.AccountRecord;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.pf4j.Extension;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Sends e-mail through any SMTP server (the organisation's own, OVH, Gmail, Brevo's relay…) with
 * Jakarta Mail. It is an e-mailing "connector" with one account, the server, and no figures: its
 * {@code read} gives only that account, and delivery figures come from the app's own tracking.
 *
 * <p>Every call sets the thread's context class loader to the plugin's own while Jakarta Mail runs:
 * Jakarta Mail looks its SMTP provider up through it, and the host's thread would otherwise hand it
 * the app's copy of the library, whose classes are not this plugin's.
 */
@Extension
public class SmtpConnector implements Connector, EmailSender {

    static final String HOST = "host";
    static final String PORT = "port";
    static final String SECURITY = "security";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String FROM_ADDRESS = "fromAddress";
    static final String FROM_NAME = "fromName";
    static final String TIMEOUT = "timeoutSeconds";

    static final String NONE = "none";
    static final String STARTTLS = "starttls";
    static final String SSL = "ssl";

    @Override
    public ConnectorSpec spec() {
        Text server = Text.of("Serveur", "Server");
        Text login = Text.of("Identification", "Login");
        Text sender = Text.of("Expéditeur", "Sender");
        return new ConnectorSpec("smtp",
                Text.of("Serveur SMTP", "SMTP server"),
                Text.of("Envoie vos newsletters et notifications par votre propre serveur d’e-mail (SMTP).",
                        "Sends your newsletters and notifications through your own mail server (SMTP)."),
                "1.0.0", Category.EMAILING, null, null,
                List.of(
                        SettingField.text(HOST, Text.of("Hôte", "Host")).asRequired()
                                .pattern("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?",
                                        Text.of("Un nom d’hôte, par exemple smtp.exemple.fr.",
                                                "A host name, for example smtp.example.com."))
                                .group(server, 1),
                        SettingField.number(PORT, Text.of("Port", "Port")).asRequired().defaultValue("587")
                                .range(BigDecimal.ONE, BigDecimal.valueOf(65_535))
                                .help(Text.of("587 avec STARTTLS, 465 avec SSL/TLS, 25 sans chiffrement.",
                                        "587 with STARTTLS, 465 with SSL/TLS, 25 without encryption."))
                                .group(server, 2),
                        SettingField.choice(SECURITY, Text.of("Sécurité", "Security"), List.of(
                                        Choice.of(STARTTLS, "STARTTLS", "STARTTLS"),
                                        Choice.of(SSL, "SSL/TLS", "SSL/TLS"),
                                        Choice.of(NONE, "Aucune (déconseillé)", "None (not advised)")))
                                .asRequired().defaultValue(STARTTLS).group(server, 3),
                        SettingField.number(TIMEOUT, Text.of("Délai d’attente (secondes)", "Time-out (seconds)"))
                                .defaultValue("20").range(BigDecimal.ONE, BigDecimal.valueOf(120))
                                .group(server, 4),
                        SettingField.text(USERNAME, Text.of("Identifiant", "User name"))
                                .help(Text.of("Souvent l’adresse e-mail elle-même. Vide si le serveur n’en demande pas.",
                                        "Often the e-mail address itself. Empty if the server asks for none."))
                                .group(login, 1),
                        SettingField.secret(PASSWORD, Text.of("Mot de passe", "Password"))
                                .help(Text.of("Un mot de passe d’application si votre fournisseur en propose.",
                                        "An app password if your provider offers them."))
                                .group(login, 2),
                        SettingField.text(FROM_ADDRESS, Text.of("Adresse d’expédition", "From address")).asRequired()
                                .pattern("[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
                                        Text.of("Une adresse e-mail, par exemple contact@exemple.fr.",
                                                "An e-mail address, for example contact@example.com."))
                                .group(sender, 1),
                        SettingField.text(FROM_NAME, Text.of("Nom d’expéditeur", "From name"))
                                .help(Text.of("Ce que vos destinataires voient, par exemple « Boulangerie Martin ».",
                                        "What your recipients see, for example \"Martin's Bakery\"."))
                                .group(sender, 2)),
                null);
    }

    /** Connects to the server and logs in (when a user name is set), then hangs up. */
    @Override
    public CheckResult check(ConnectorContext context, Settings settings) {
        Server server = Server.of(settings, context);
        withPluginClassLoader(() -> {
            try (Transport transport = server.connect()) {
                return transport.isConnected();
            } catch (MessagingException e) {
                throw server.failure(e);
            }
        });
        return CheckResult.ok("Connecté à " + server.address() + (server.username == null ? "." : " en tant que "
                        + server.username + "."),
                "Connected to " + server.address() + (server.username == null ? "." : " as " + server.username + "."));
    }

    @Override
    public Catalog discover(ConnectorContext context, Settings settings) {
        check(context, settings);
        return new Catalog(List.of(account(Server.of(settings, context))), Set.of(Stream.ACCOUNTS));
    }

    /**
     * Emits the server as the one account, without connecting (a mail server has no figures), and
     * checkpoints so the host records the read.
     */
    @Override
    public void read(ConnectorContext context, ReadRequest request, RecordSink sink) {
        AccountRecord account = account(Server.of(request.settings(), context));
        if (!request.accountIds().contains(account.accountId())) {
            return;
        }
        if (request.streams().contains(Stream.ACCOUNTS)) {
            sink.accept(account);
        }
        sink.checkpoint("{\"server\":\"" + account.accountId() + "\"}");
    }

    @Override
    public String send(ConnectorContext context, Settings settings, EmailMessage message) {
        return sendBatch(context, settings, List.of(message)).getFirst();
    }

    /** Sends the messages over one connection, in order; the first failure stops the batch. */
    @Override
    public List<String> sendBatch(ConnectorContext context, Settings settings, List<EmailMessage> messages) {
        Server server = Server.of(settings, context);
        return withPluginClassLoader(() -> {
            List<String> ids = new ArrayList<>(messages.size());
            try (Transport transport = server.connect()) {
                for (EmailMessage message : messages) {
                    MimeMessage mime = server.mime(message);
                    transport.sendMessage(mime, mime.getAllRecipients());
                    ids.add(mime.getMessageID());
                }
            } catch (MessagingException e) {
                throw server.failure(e);
            }
            context.logger().info("Sent {} e-mail(s) through {}", ids.size(), server.address());
            return ids;
        });
    }

    private static AccountRecord account(Server server) {
        // No money goes through a mail server: no currency.
        return new AccountRecord(server.address(), server.fromAddress + " – " + server.address(), null, ZoneOffset.UTC);
    }

    private static <T> T withPluginClassLoader(Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SmtpConnector.class.getClassLoader());
        try {
            return call.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** One connection's settings, checked, and what to do with them. */
    private static final class Server {

        private final String host;
        private final int port;
        private final String security;
        private final String username;
        private final String password;
        private final String fromAddress;
        private final String fromName;
        private final int timeoutSeconds;

        private Server(String host, int port, String security, String username, String password, String fromAddress,
                       String fromName, int timeoutSeconds) {
            this.host = host;
            this.port = port;
            this.security = security;
            this.username = username;
            this.password = password;
            this.fromAddress = fromAddress;
            this.fromName = fromName;
            this.timeoutSeconds = timeoutSeconds;
        }

        static Server of(Settings settings, ConnectorContext context) {
            String host = settings.get(HOST).toLowerCase(Locale.ROOT);
            String security = settings.find(SECURITY).orElse(STARTTLS);
            if (!List.of(NONE, STARTTLS, SSL).contains(security)) {
                throw new BadSettingsException(SECURITY, Text.of("Choisissez STARTTLS, SSL/TLS ou aucune.",
                        "Choose STARTTLS, SSL/TLS or none."));
            }
            String username = settings.find(USERNAME).orElse(null);
            String password = context.secrets().find(PASSWORD).orElse(null);
            if (username != null && password == null) {
                throw new BadSettingsException(PASSWORD, Text.of("Saisissez le mot de passe de « " + username + " ».",
                        "Enter the password of \"" + username + "\"."));
            }
            String fromAddress = settings.get(FROM_ADDRESS);
            try {
                new InternetAddress(fromAddress, true);
            } catch (AddressException e) {
                throw new BadSettingsException(FROM_ADDRESS, Text.of("Cette adresse d’expédition n’est pas valide.",
                        "This from address is not valid."));
            }
            return new Server(host, whole(settings, PORT, 587, 1, 65_535), security, username, password, fromAddress,
                    settings.find(FROM_NAME).orElse(null), whole(settings, TIMEOUT, 20, 1, 120));
        }

        private static int whole(Settings settings, String key, int fallback, int min, int max) {
            try {
                BigDecimal value = settings.number(key).orElse(BigDecimal.valueOf(fallback));
                if (value.stripTrailingZeros().scale() <= 0 && value.intValue() >= min && value.intValue() <= max) {
                    return value.intValue();
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // Told below, in the user's words.
            }
            throw new BadSettingsException(key, Text.of("Un nombre entier de " + min + " à " + max + ".",
                    "A whole number from " + min + " to " + max + "."));
        }

        String address() {
            return host + ":" + port;
        }

        Transport connect() throws MessagingException {
            Properties properties = new Properties();
            String millis = String.valueOf(timeoutSeconds * 1000L);
            properties.put("mail.smtp.connectiontimeout", millis);
            properties.put("mail.smtp.timeout", millis);
            properties.put("mail.smtp.writetimeout", millis);
            properties.put("mail.smtp.auth", String.valueOf(username != null));
            if (STARTTLS.equals(security)) {
                properties.put("mail.smtp.starttls.enable", "true");
                // Never fall back to clear text when the user asked for encryption.
                properties.put("mail.smtp.starttls.required", "true");
                properties.put("mail.smtp.ssl.checkserveridentity", "true");
            } else if (SSL.equals(security)) {
                properties.put("mail.smtp.ssl.enable", "true");
                properties.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            Session session = Session.getInstance(properties);
            Transport transport = session.getTransport("smtp");
            transport.connect(host, port, username, password);
            return transport;
        }

        MimeMessage mime(EmailMessage message) throws MessagingException {
            Properties properties = new Properties();
            // The Message-ID's domain is the sender's, not this machine's name.
            properties.put("mail.from", fromAddress);
            MimeMessage mime = new MimeMessage(Session.getInstance(properties));
            String from = message.fromAddress().isBlank() ? fromAddress : message.fromAddress();
            String name = message.fromName() != null ? message.fromName() : fromName;
            try {
                mime.setFrom(name == null ? new InternetAddress(from, true)
                        : new InternetAddress(from, oneLine(name), "UTF-8"));
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException("UTF-8 is always supported", e);
            }
            List<Address> to = new ArrayList<>();
            for (String recipient : message.to()) {
                to.add(new InternetAddress(recipient, true));
            }
            mime.setRecipients(Message.RecipientType.TO, to.toArray(Address[]::new));
            if (message.replyTo() != null) {
                mime.setReplyTo(new Address[]{new InternetAddress(message.replyTo(), true)});
            }
            mime.setSubject(oneLine(message.subject()), "UTF-8");
            for (Map.Entry<String, String> header : message.headers().entrySet()) {
                mime.setHeader(oneLine(header.getKey()), oneLine(header.getValue()));
            }
            if (message.html() != null && message.text() != null) {
                MimeBodyPart text = new MimeBodyPart();
                text.setText(message.text(), "UTF-8");
                MimeBodyPart html = new MimeBodyPart();
                html.setText(message.html(), "UTF-8", "html");
                mime.setContent(new MimeMultipart("alternative", text, html));
            } else if (message.html() != null) {
                mime.setText(message.html(), "UTF-8", "html");
            } else {
                mime.setText(message.text(), "UTF-8");
            }
            mime.saveChanges();
            return mime;
        }

        /** Header values on one line: a line break in a subject or name would inject headers. */
        private static String oneLine(String value) {
            return value.replaceAll("[\\r\\n]+", " ");
        }

        /** The typed failure for what Jakarta Mail threw, in words the user can act on. */
        ConnectorException failure(MessagingException e) {
            if (e instanceof AuthenticationFailedException) {
                return new BadSettingsException(PASSWORD, Text.of(
                        "Le serveur " + address() + " refuse l’identifiant ou le mot de passe.",
                        "The server " + address() + " refuses the user name or the password."));
            }
            if (e instanceof AddressException || e instanceof SMTPAddressFailedException
                    || (e instanceof SendFailedException sent && sent.getInvalidAddresses() != null
                    && sent.getInvalidAddresses().length > 0 && !(e instanceof SMTPSendFailedException))) {
                return new PermanentException(Text.of("Adresse refusée : " + e.getMessage(),
                        "Address refused: " + e.getMessage()), e);
            }
            if (e instanceof SMTPSendFailedException refused) {
                int code = refused.getReturnCode();
                if (code == 530) {
                    return new BadSettingsException(USERNAME, Text.of(
                            "Le serveur exige une identification : saisissez l’identifiant et le mot de passe.",
                            "The server requires a login: enter the user name and the password."));
                }
                Text reply = Text.of("Le serveur a refusé l’envoi (" + refused.getMessage().trim() + ").",
                        "The server refused to send (" + refused.getMessage().trim() + ").");
                return code >= 400 && code < 500 ? new TransientException(reply, e) : new PermanentException(reply, e);
            }
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof UnknownHostException) {
                    return new BadSettingsException(HOST, Text.of(
                            "L’hôte « " + host + " » est introuvable : vérifiez son nom.",
                            "The host \"" + host + "\" cannot be found: check its name."));
                }
                if (cause instanceof SocketTimeoutException) {
                    return new TransientException(Text.of(
                            "Le serveur " + address() + " n’a pas répondu en " + timeoutSeconds + " s.",
                            "The server " + address() + " did not answer within " + timeoutSeconds + " s."), e);
                }
                if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                    return new TransientException(Text.of(
                            "Le serveur " + address() + " est injoignable : vérifiez l’hôte et le port, "
                                    + "ou réessayez plus tard.",
                            "The server " + address() + " cannot be reached: check the host and the port, "
                                    + "or try again later."), e);
                }
                if (cause instanceof SSLException) {
                    return new BadSettingsException(SECURITY, Text.of(
                            "La connexion chiffrée avec " + address() + " a échoué : vérifiez la sécurité "
                                    + "(SSL/TLS sur le port 465, STARTTLS sur le port 587).",
                            "The encrypted connection with " + address() + " failed: check the security "
                                    + "(SSL/TLS on port 465, STARTTLS on port 587)."));
                }
            }
            String text = String.valueOf(e.getMessage());
            if (text.contains("STARTTLS")) {
                return new BadSettingsException(SECURITY, Text.of(
                        "Le serveur " + address() + " ne propose pas STARTTLS : choisissez SSL/TLS ou un autre port.",
                        "The server " + address() + " does not offer STARTTLS: choose SSL/TLS or another port."));
            }
            Text unknown = Text.of("Échange avec " + address() + " interrompu : " + text,
                    "Exchange with " + address() + " failed: " + text);
            return hasCause(e, IOException.class) ? new TransientException(unknown, e) : new PermanentException(unknown, e);
        }

        private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
            return false;
        }
    }
}
