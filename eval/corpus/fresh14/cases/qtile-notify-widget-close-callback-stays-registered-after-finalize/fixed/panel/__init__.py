"""Bar widgets and the notification server they subscribe to."""
