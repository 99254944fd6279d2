# hand-written GML test input
Creator "clusterlens tests"
Version 1
graph [
  directed 1
  label "ignored graph label"
  node [
    id 1
    label "Alpha &quot;A&quot; &amp; Co"
    size 2.5
    graphics [ x 1.0 y -2 fill "#ff0000" ]
  ]
  node [ id 2 label "Beta" dept "r&lt;d" ]
  node [ id "three" label "Caf&#233; &#xE9;" ]
  edge [ source 1 target 2 weight 2.5 ]
  edge [
    source 2
    target "three"
    value 3  # a comment after a value
    kind "multi
line"
    graphics [ line [ point [ x 1 y 2 ] ] ]
  ]
  edge [ source 1 target 99 type "friend" w NaN ]
]
