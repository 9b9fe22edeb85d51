"""账户与维护: one's own passphrase, user management, backups and the data key, in the window."""
