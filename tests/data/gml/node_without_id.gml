graph [
  node [ id 1 ]
  node [ label "nobody" ]
]
