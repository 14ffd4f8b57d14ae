package com.campagne.app;

/** Stands for a class of the app, which no plugin may use. */
public final class AppService {

    private AppService() {
    }

    /** Something a careless plugin would call. */
    public static String tenantName() {
        return "Agence Exemple";
    }
}
