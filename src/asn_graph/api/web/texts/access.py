"""The texts of signing in through the agency's identity provider."""

INDONESIAN = {
    "access_sign_in_with": "Masuk dengan {provider}",
    "access_or_local_account": "Atau masuk dengan akun lokal",
    "access_provider_unavailable": (
        "Penyedia identitas tidak dapat dihubungi saat ini. Tunggu sebentar lalu coba lagi."
    ),
    "access_provider_flow_broken": (
        "Proses masuk ini sudah kedaluwarsa atau tidak dimulai dari halaman ini. "
        "Silakan masuk lagi."
    ),
    "access_provider_declined": "Penyedia identitas tidak mengizinkan Anda masuk.",
    "access_provider_no_access": (
        "Akun Anda di penyedia identitas tidak memberi akses ke asn-graph "
        "(peran, instansi, atau NIP tidak sesuai). Hubungi pengelola akun instansi Anda."
    ),
}

ENGLISH = {
    "access_sign_in_with": "Sign in with {provider}",
    "access_or_local_account": "Or sign in with a local account",
    "access_provider_unavailable": (
        "The identity provider cannot be reached at the moment. Wait a little and try again."
    ),
    "access_provider_flow_broken": (
        "This sign-in has expired or was not started from this page. Please sign in again."
    ),
    "access_provider_declined": "The identity provider did not let you sign in.",
    "access_provider_no_access": (
        "Your account at the identity provider gives no access to asn-graph (its role, "
        "agency or NIP do not fit). Ask your agency's account administrator."
    ),
}
