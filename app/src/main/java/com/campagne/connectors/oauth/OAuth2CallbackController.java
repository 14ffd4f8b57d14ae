package com.campagne.connectors.oauth;

import com.campagne.base.security.CampagneUser;
import com.campagne.base.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /oauth2/callback}: where providers send the browser back with {@code code} and {@code state}
 * (or {@code error}). Open in the security configuration so that a lost session is answered in words,
 * but nothing happens without a signed-in user whose tenant and id the state names.
 */
@Controller
class OAuth2CallbackController {

    private final OAuth2Flows flows;

    OAuth2CallbackController(OAuth2Flows flows) {
        this.flows = flows;
    }

    @GetMapping(OAuth2Flows.CALLBACK_PATH)
    ResponseEntity<String> callback(HttpServletRequest request,
                                    @RequestParam(name = "state", required = false) String state,
                                    @RequestParam(name = "code", required = false) String code,
                                    @RequestParam(name = "error", required = false) String error,
                                    @RequestParam(name = "error_description", required = false) String description) {
        Optional<CampagneUser> user = CurrentUser.get();
        if (user.isEmpty()) {
            return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(request.getContextPath() + "/login"))
                    .cacheControl(CacheControl.noStore()).build();
        }
        OAuth2Flows.Return back = flows.complete(request.getSession(), user.get(), state, code, error, description);
        if (back.path() != null) {
            return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(request.getContextPath() + "/" + back.path()))
                    .cacheControl(CacheControl.noStore()).build();
        }
        // No form to go back to (forged, replayed, another session's): say so, touch nothing.
        Locale locale = request.getLocale() != null && "en".equals(request.getLocale().getLanguage())
                ? Locale.ENGLISH : Locale.FRENCH;
        String message = HtmlUtils.htmlEscape(back.error().in(locale));
        String link = Locale.ENGLISH.equals(locale) ? "Back to Campagne" : "Revenir à Campagne";
        String html = "<!doctype html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<title>Campagne</title></head><body style=\"font-family:sans-serif;max-width:40rem;margin:3rem auto\">"
                + "<p id=\"oauth-error\">" + message + "</p><p><a href=\"" + request.getContextPath() + "/\">" + link
                + "</a></p></body></html>";
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(new MediaType("text", "html",
                java.nio.charset.StandardCharsets.UTF_8)).cacheControl(CacheControl.noStore()).body(html);
    }
}
