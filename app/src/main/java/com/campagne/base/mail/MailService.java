package com.campagne.base.mail;

import com.campagne.base.config.CampagneProperties;
import com.campagne.base.documents.FileDownload;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Sends the app's e-mails by SMTP when {@code spring.mail.host} is set. With no SMTP server (the
 * development default) each mail is written as an {@code .eml} file in {@code <data-dir>/mail} and
 * the log says so; the body, which holds one-time links, never goes to the log.
 */
@Service
public class MailService {

    private static final Logger log = LoggerFactory.getLogger(MailService.class);

    /** A local part, an @ and a domain with a dot (RFC 822 alone accepts "jean@localhost"). */
    private static final Pattern DELIVERABLE = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

    private final ObjectProvider<JavaMailSender> sender;
    private final CampagneProperties properties;

    public MailService(ObjectProvider<JavaMailSender> sender, CampagneProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    public record Mail(String to, String subject, String text) {
    }

    public void send(Mail mail) {
        send(mail, List.of());
    }

    /** The mail with files attached (a report's PDF). */
    public void send(Mail mail, List<FileDownload> attachments) {
        JavaMailSender smtp = sender.getIfAvailable();
        try {
            if (smtp != null) {
                MimeMessage message = smtp.createMimeMessage();
                fill(message, mail, attachments);
                smtp.send(message);
                log.info("Mail '{}' sent to {}", mail.subject(), mail.to());
            } else {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
                fill(message, mail, attachments);
                Path folder = properties.dataDir().resolve("mail");
                Files.createDirectories(folder);
                Path file = folder.resolve(Instant.now().toString().replace(':', '-') + "-" + UUID.randomUUID() + ".eml");
                try (OutputStream out = Files.newOutputStream(file)) {
                    message.writeTo(out);
                }
                log.info("No SMTP server configured: mail '{}' to {} written to {}", mail.subject(), mail.to(), file);
            }
        } catch (MessagingException | IOException | MailException e) {
            throw new MailDeliveryException(mail.to(), e);
        }
    }

    /**
     * Whether mail can be sent to {@code address}: the one check of an e-mail address in the app
     * (a dotted domain, at most 254 characters, and RFC 822 syntax: no "..", no leading dot…).
     */
    public static boolean accepts(String address) {
        if (address == null || address.length() > 254 || !DELIVERABLE.matcher(address).matches()) {
            return false;
        }
        try {
            new InternetAddress(address, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    private void fill(MimeMessage message, Mail mail, List<FileDownload> attachments) throws MessagingException {
        MimeMessageHelper helper = new MimeMessageHelper(message, !attachments.isEmpty(), "UTF-8");
        helper.setFrom(properties.mailFrom());
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), false);
        for (FileDownload a : attachments) {
            helper.addAttachment(a.fileName(), new ByteArrayResource(a.bytes()),
                    a.contentType());
        }
    }

    /** The mail could not be handed over; the caller tells the user it can be sent again. */
    public static class MailDeliveryException extends RuntimeException {
        public MailDeliveryException(String to, Throwable cause) {
            super("Could not send mail to " + to + ": " + cause.getMessage(), cause);
        }
    }
}
