### Conto alla rovescia del compleanno, italiano (it-IT), con il tu come Alexa.
### I numeri arrivano come cifre; Alexa li legge in italiano.

welcome = Ciao! Conto i giorni che mancano al tuo compleanno. Qual è la tua data di nascita?
welcome-reprompt = Dimmi giorno, mese e anno, per esempio: sei novembre millenovecentonovanta. Qual è la tua data di nascita?
welcome-back = Ciao di nuovo!
help = Mi ricordo il tuo compleanno e conto i giorni che mancano. Per dirmelo o cambiarlo, di' la data, per esempio: il mio compleanno è il sei novembre millenovecentonovanta. Qual è la tua data di nascita?
help-reprompt = Dimmi giorno, mese e anno. Qual è la tua data di nascita?
# $month (Number) da 1 a 12.
month-name = { $month ->
    [1] gennaio
    [2] febbraio
    [3] marzo
    [4] aprile
    [5] maggio
    [6] giugno
    [7] luglio
    [8] agosto
    [9] settembre
    [10] ottobre
    [11] novembre
   *[12] dicembre
}
# $month (Number), $day (Number), $year (Number). Il primo del mese si scrive «1º».
birthday-date = { $day ->
    [1] 1º
   *[other] { $day }
} { month-name } { $year }
# L'articolo si elide davanti a 8 e 11: «l'8 marzo», «l'11 maggio».
birthday-saved = Grazie! Mi ricorderò che la tua data di nascita è { $day ->
    [8] l'{ birthday-date }
    [11] l'{ birthday-date }
   *[other] il { birthday-date }
}.
# $days (Number) giorni al prossimo compleanno, $age (Number) l'età quel giorno.
countdown = { $days ->
    [1] Il tuo compleanno è domani!
   *[other] Mancano { $days } giorni al tuo compleanno.
} Compirai { $age ->
    [one] { $age } anno.
   *[other] { $age } anni.
}
happy-birthday = Buon compleanno! Oggi compi { $age ->
    [one] { $age } anno.
   *[other] { $age } anni.
}
leap-day-note = Quest'anno non c'è il ventinove febbraio, quindi conto fino al ventotto.
invalid-date = Mmm, non posso contare fino a questa data: { birthday-date }. Dimmi giorno, mese e anno. Qual è la tua data di nascita?
goodbye = Ciao! Io continuo a contare per te.
cancelled = Va bene, lasciamo stare. A presto!
fallback = Scusa, con questo non posso aiutarti. Conto i giorni che mancano al tuo compleanno. Puoi dirmi la tua data di nascita, oppure dire «stop». Cosa vuoi fare?
fallback-reprompt = Puoi dirmi la tua data di nascita, oppure dire «stop». Cosa vuoi fare?
