# Uses a variable the default locale does not pass.
greeting = Bonjour, { $name } { $title } !
score = { $name }, vous avez { $points ->
    [one] un point
   *[other] { $points } points
}.
farewell = À bientôt !
