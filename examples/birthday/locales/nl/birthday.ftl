### Aftellen naar je verjaardag, Nederlands (nl-NL), met je/jij zoals Alexa.
### Getallen komen binnen als cijfers; Alexa leest ze in het Nederlands voor.

welcome = Hallo! Ik tel de dagen tot je verjaardag. Wanneer ben je geboren?
welcome-reprompt = Noem de dag, de maand en het jaar, bijvoorbeeld: zes november negentienhonderdnegentig. Wanneer ben je geboren?
welcome-back = Welkom terug!
help = Ik onthoud je verjaardag en tel de dagen tot het zover is. Wil je hem doorgeven of veranderen, zeg dan de datum, bijvoorbeeld: mijn verjaardag is zes november negentienhonderdnegentig. Wanneer ben je jarig?
help-reprompt = Noem de dag, de maand en het jaar. Wanneer ben je jarig?
# $month (Number) 1 tot en met 12.
month-name = { $month ->
    [1] januari
    [2] februari
    [3] maart
    [4] april
    [5] mei
    [6] juni
    [7] juli
    [8] augustus
    [9] september
    [10] oktober
    [11] november
   *[12] december
}
# $month (Number), $day (Number), $year (Number).
birthday-date = { $day } { month-name } { $year }
birthday-saved = Bedankt! Ik onthoud dat je op { birthday-date } geboren bent.
# $days (Number) dagen tot de volgende verjaardag, $age (Number) de leeftijd op die dag.
countdown = { $days ->
    [1] Morgen ben je jarig!
   *[other] Nog { $days } dagen tot je verjaardag.
} Je wordt dan { $age }.
happy-birthday = Gefeliciteerd met je verjaardag! Je wordt vandaag { $age }.
leap-day-note = Dit jaar heeft geen negenentwintig februari, dus tel ik tot achtentwintig februari.
invalid-date = Hm, tot { birthday-date } kan ik niet tellen. Noem de dag, de maand en het jaar. Wanneer ben je geboren?
goodbye = Tot ziens! Ik blijf voor je aftellen.
cancelled = Oké, laat maar. Tot de volgende keer!
fallback = Sorry, daar kan ik je niet mee helpen. Ik tel de dagen tot je verjaardag. Je kunt me je geboortedatum noemen, of ‘stop’ zeggen. Wat wil je doen?
fallback-reprompt = Je kunt me je geboortedatum noemen, of ‘stop’ zeggen. Wat wil je doen?
