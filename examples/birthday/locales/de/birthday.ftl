### Geburtstags-Countdown, Deutsch (de-DE), Anrede mit „du“ wie Alexa selbst.
### Zahlen kommen als Ziffern an; Alexa liest sie auf Deutsch vor.

welcome = Hallo! Ich zähle die Tage bis zu deinem Geburtstag. Wann bist du geboren?
welcome-reprompt = Sag mir Tag, Monat und Jahr, zum Beispiel: sechster November neunzehnhundertneunzig. Wann bist du geboren?
welcome-back = Schön, dass du wieder da bist!
help = Ich merke mir deinen Geburtstag und zähle die Tage bis dahin. Um ihn mir zu sagen oder zu ändern, nenn einfach das Datum, zum Beispiel: Mein Geburtstag ist am sechsten November neunzehnhundertneunzig. Wann hast du Geburtstag?
help-reprompt = Sag mir Tag, Monat und Jahr. Wann hast du Geburtstag?
# $month (Number) 1 bis 12.
month-name = { $month ->
    [1] Januar
    [2] Februar
    [3] März
    [4] April
    [5] Mai
    [6] Juni
    [7] Juli
    [8] August
    [9] September
    [10] Oktober
    [11] November
   *[12] Dezember
}
# $month (Number), $day (Number), $year (Number). „6.“ liest Alexa als Ordinalzahl.
birthday-date = { $day }. { month-name } { $year }
birthday-saved = Danke! Ich merke mir, dass du am { birthday-date } geboren bist.
# $days (Number) Tage bis zum nächsten Geburtstag, $age (Number) das Alter an dem Tag.
countdown = { $days ->
    [1] Morgen ist dein Geburtstag! Dann wirst du { $age }.
   *[other] Noch { $days } Tage bis zu deinem Geburtstag. Dann wirst du { $age }.
}
happy-birthday = Alles Gute zum Geburtstag! Heute wirst du { $age }.
leap-day-note = Dieses Jahr hat keinen neunundzwanzigsten Februar, deshalb zähle ich bis zum achtundzwanzigsten.
invalid-date = Hm, bis zum { birthday-date } kann ich nicht zählen. Sag mir Tag, Monat und Jahr. Wann bist du geboren?
goodbye = Tschüss! Ich zähle für dich weiter.
cancelled = Okay, dann lassen wir das. Bis bald!
fallback = Dabei kann ich dir leider nicht helfen. Ich zähle die Tage bis zu deinem Geburtstag. Du kannst mir dein Geburtsdatum sagen oder „Stopp“. Was möchtest du tun?
fallback-reprompt = Du kannst mir dein Geburtsdatum sagen oder „Stopp“. Was möchtest du tun?
