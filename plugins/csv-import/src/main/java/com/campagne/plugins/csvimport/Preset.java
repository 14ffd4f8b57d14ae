package com.campagne.plugins.csvimport;

import com.campagne.connectors.api.Choice;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.schema.Channel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.campagne.plugins.csvimport.Field.*;

/**
 * The column names of the reports each tool exports, in its French and English interfaces. Names are
 * compared {@linkplain Norm#header normalised} (case, accents, apostrophes and a trailing
 * {@code (EUR)} do not matter).
 */
enum Preset {
    GOOGLE_ADS("google-ads", "Google Ads", Channel.SEARCH, Map.ofEntries(
            Map.entry(DATE, List.of("Jour", "Day", "Date")),
            Map.entry(ACCOUNT_ID, List.of("ID client", "Customer ID")),
            Map.entry(ACCOUNT_NAME, List.of("Compte", "Account", "Nom du compte", "Account name")),
            Map.entry(CAMPAIGN_ID, List.of("ID de la campagne", "Campaign ID")),
            Map.entry(CAMPAIGN, List.of("Campagne", "Campaign")),
            Map.entry(AD_GROUP_ID, List.of("ID du groupe d'annonces", "Ad group ID")),
            Map.entry(AD_GROUP, List.of("Groupe d'annonces", "Ad group")),
            Map.entry(CAMPAIGN_TYPE, List.of("Type de campagne", "Campaign type")),
            Map.entry(CAMPAIGN_STATUS, List.of("État de la campagne", "Campaign status")),
            Map.entry(DEVICE, List.of("Appareil", "Device")),
            Map.entry(COUNTRY, List.of("Pays/Territoire", "Country/Territory")),
            Map.entry(CURRENCY, List.of("Code de la devise", "Currency code")),
            Map.entry(IMPRESSIONS, List.of("Impr.", "Impressions")),
            Map.entry(CLICKS, List.of("Clics", "Clicks")),
            Map.entry(COST, List.of("Coût", "Cost")),
            Map.entry(CONVERSIONS, List.of("Conversions")),
            Map.entry(CONVERSION_VALUE, List.of("Valeur de conv.", "Conv. value", "Valeur de conversion",
                    "Conversion value")),
            Map.entry(VIDEO_VIEWS, List.of("Vues", "Views")),
            Map.entry(ENGAGEMENTS, List.of("Engagements")))),
    META_ADS("meta-ads", "Meta Ads", Channel.SOCIAL, Map.ofEntries(
            Map.entry(DATE, List.of("Début des rapports", "Reporting starts", "Jour", "Day")),
            Map.entry(DATE_END, List.of("Fin des rapports", "Reporting ends")),
            Map.entry(ACCOUNT_ID, List.of("Identifiant du compte", "ID du compte", "Account ID")),
            Map.entry(ACCOUNT_NAME, List.of("Nom du compte", "Account name")),
            Map.entry(CAMPAIGN_ID, List.of("Identifiant de la campagne", "ID de la campagne", "Campaign ID")),
            Map.entry(CAMPAIGN, List.of("Nom de la campagne", "Campaign name")),
            Map.entry(AD_GROUP_ID, List.of("Identifiant de l'ensemble de publicités", "Ad set ID")),
            Map.entry(AD_GROUP, List.of("Nom de l'ensemble de publicités", "Ad set name")),
            Map.entry(AD_ID, List.of("Identifiant de la publicité", "Ad ID")),
            Map.entry(AD, List.of("Nom de la publicité", "Ad name")),
            Map.entry(CAMPAIGN_STATUS, List.of("Diffusion de la campagne", "Campaign delivery")),
            Map.entry(DEVICE, List.of("Appareil d'impression", "Impression device")),
            Map.entry(COUNTRY, List.of("Pays", "Country")),
            Map.entry(CURRENCY, List.of("Devise", "Currency")),
            Map.entry(IMPRESSIONS, List.of("Impressions")),
            Map.entry(CLICKS, List.of("Clics sur un lien", "Link clicks")),
            Map.entry(COST, List.of("Montant dépensé", "Amount spent")),
            Map.entry(CONVERSIONS, List.of("Achats", "Purchases")),
            Map.entry(CONVERSION_VALUE, List.of("Valeur de conversion des achats", "Purchases conversion value")),
            Map.entry(VIDEO_VIEWS, List.of("ThruPlays", "Lectures de vidéo", "Video plays")),
            Map.entry(ENGAGEMENTS, List.of("Interactions avec une publication", "Post engagements")),
            Map.entry(LIKES, List.of("Réactions à une publication", "Post reactions")),
            Map.entry(COMMENTS, List.of("Commentaires sur une publication", "Post comments")),
            Map.entry(SHARES, List.of("Partages de publication", "Post shares")),
            Map.entry(FOLLOWERS, List.of("Mentions J'aime une Page", "Page likes")))),
    LINKEDIN_ADS("linkedin-ads", "LinkedIn Ads", Channel.SOCIAL, Map.ofEntries(
            Map.entry(DATE, List.of("Date de début (en UTC)", "Start Date (in UTC)", "Date de début", "Start Date")),
            Map.entry(ACCOUNT_ID, List.of("ID du compte", "Account ID")),
            Map.entry(ACCOUNT_NAME, List.of("Nom du compte", "Account Name")),
            Map.entry(CAMPAIGN_ID, List.of("ID de la campagne", "Campaign ID")),
            Map.entry(CAMPAIGN, List.of("Nom de la campagne", "Campaign Name")),
            Map.entry(CAMPAIGN_STATUS, List.of("Statut de la campagne", "Campaign Status")),
            Map.entry(CURRENCY, List.of("Devise", "Currency")),
            Map.entry(IMPRESSIONS, List.of("Impressions")),
            Map.entry(CLICKS, List.of("Clics", "Clicks")),
            Map.entry(COST, List.of("Total dépensé", "Total Spent")),
            Map.entry(CONVERSIONS, List.of("Conversions")),
            Map.entry(CONVERSION_VALUE, List.of("Valeur totale des conversions", "Total Conversion Value")),
            Map.entry(VIDEO_VIEWS, List.of("Vues de vidéos", "Video Views")),
            Map.entry(ENGAGEMENTS, List.of("Nombre total d'engagements", "Total Engagements")),
            Map.entry(LIKES, List.of("Réactions", "Reactions")),
            Map.entry(COMMENTS, List.of("Commentaires", "Comments")),
            Map.entry(SHARES, List.of("Partages", "Shares")),
            Map.entry(FOLLOWERS, List.of("Abonnements", "Follows")))),
    MICROSOFT_ADS("microsoft-ads", "Microsoft Advertising", Channel.SEARCH, Map.ofEntries(
            Map.entry(DATE, List.of("Date grégorienne", "Gregorian date", "Date")),
            Map.entry(ACCOUNT_ID, List.of("Numéro de compte", "Account number", "ID de compte", "Account ID")),
            Map.entry(ACCOUNT_NAME, List.of("Nom du compte", "Account name")),
            Map.entry(CAMPAIGN_ID, List.of("ID de campagne", "Campaign ID")),
            Map.entry(CAMPAIGN, List.of("Nom de la campagne", "Campaign name", "Campagne", "Campaign")),
            Map.entry(AD_GROUP_ID, List.of("ID de groupe d'annonces", "Ad group ID")),
            Map.entry(AD_GROUP, List.of("Nom du groupe d'annonces", "Ad group name", "Groupe d'annonces", "Ad group")),
            Map.entry(CAMPAIGN_TYPE, List.of("Type de campagne", "Campaign type")),
            Map.entry(CAMPAIGN_STATUS, List.of("Statut de la campagne", "Campaign status")),
            Map.entry(DEVICE, List.of("Type d'appareil", "Device type")),
            Map.entry(COUNTRY, List.of("Pays/région", "Country/region")),
            Map.entry(CURRENCY, List.of("Code de devise", "Currency code")),
            Map.entry(IMPRESSIONS, List.of("Impressions", "Impr.")),
            Map.entry(CLICKS, List.of("Clics", "Clicks")),
            Map.entry(COST, List.of("Dépense", "Dépenses", "Spend")),
            Map.entry(CONVERSIONS, List.of("Conversions", "Conv.")),
            Map.entry(CONVERSION_VALUE, List.of("Revenu", "Revenue")))),
    GA4("ga4", "Google Analytics 4", null, Map.ofEntries(
            Map.entry(DATE, List.of("Date")),
            Map.entry(CHANNEL, List.of("Groupe de canaux par défaut de la session", "Session default channel group",
                    "Groupe de canaux par défaut", "Default channel group",
                    "Premier groupe de canaux par défaut de l'utilisateur", "First user default channel group")),
            Map.entry(CAMPAIGN, List.of("Campagne de la session", "Session campaign")),
            Map.entry(DEVICE, List.of("Catégorie d'appareil", "Device category")),
            Map.entry(COUNTRY, List.of("Pays", "Country")),
            Map.entry(SESSIONS, List.of("Sessions")),
            Map.entry(USERS, List.of("Utilisateurs", "Users", "Utilisateurs actifs", "Active users",
                    "Nombre total d'utilisateurs", "Total users")),
            Map.entry(NEW_USERS, List.of("Nouveaux utilisateurs", "New users")),
            Map.entry(PAGE_VIEWS, List.of("Vues", "Views")),
            Map.entry(BOUNCE_RATE, List.of("Taux de rebond", "Bounce rate")),
            Map.entry(CONVERSIONS, List.of("Événements clés", "Key events", "Conversions")),
            Map.entry(CONVERSION_VALUE, List.of("Revenu total", "Total revenue", "Revenus totaux")))),
    MATOMO("matomo", "Matomo", null, Map.ofEntries(
            Map.entry(DATE, List.of("Date")),
            Map.entry(CHANNEL, List.of("Type de canal", "Channel type", "Channel Type")),
            Map.entry(DEVICE, List.of("Type d'appareil", "Device type")),
            Map.entry(COUNTRY, List.of("Pays", "Country")),
            Map.entry(SESSIONS, List.of("Visites", "Visits", "nb_visits")),
            Map.entry(USERS, List.of("Visiteurs uniques", "Unique visitors", "nb_uniq_visitors")),
            Map.entry(PAGE_VIEWS, List.of("Pages vues", "Pageviews", "nb_pageviews")),
            Map.entry(BOUNCES, List.of("Rebonds", "Bounces", "bounce_count")),
            Map.entry(BOUNCE_RATE, List.of("Taux de rebond", "Bounce rate", "bounce_rate")),
            Map.entry(CONVERSIONS, List.of("Conversions", "nb_conversions")),
            Map.entry(CONVERSION_VALUE, List.of("Revenu", "Revenue", "revenue")))),
    /** No preset: only the columns the {@code mapping} setting names. */
    CUSTOM("custom", "Personnalisé", null, Map.of());

    static final String AUTO = "auto";

    final String id;
    final String label;
    /** The channel of every row when the file says none (no campaign type or channel column). */
    final Channel defaultChannel;
    /** For each normalised column name, its field. */
    final Map<String, Field> columns;

    Preset(String id, String label, Channel defaultChannel, Map<Field, List<String>> names) {
        this.id = id;
        this.label = label;
        this.defaultChannel = defaultChannel;
        Map<String, Field> columns = new HashMap<>();
        for (Field field : Field.values()) { // in field order, so a name shared by two fields goes to the first
            names.getOrDefault(field, List.of()).forEach(n -> columns.putIfAbsent(Norm.header(n), field));
        }
        this.columns = Map.copyOf(columns);
    }

    /** The preset's name for the user. */
    Text title() {
        return this == CUSTOM ? Text.of("Personnalisé (correspondance)", "Custom (mapping)") : Text.of(label, label);
    }

    /** The preset with that setting value. */
    static Optional<Preset> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    /** The presets the auto-detection tries. */
    static List<Preset> detectable() {
        List<Preset> presets = new ArrayList<>(Arrays.asList(values()));
        presets.remove(CUSTOM);
        return presets;
    }

    /** The choices of the {@code preset} setting. */
    static List<Choice> choices() {
        List<Choice> choices = new ArrayList<>();
        choices.add(Choice.of(AUTO, "Détection automatique", "Auto-detect"));
        for (Preset preset : values()) {
            choices.add(new Choice(preset.id, preset.title()));
        }
        return choices;
    }
}
