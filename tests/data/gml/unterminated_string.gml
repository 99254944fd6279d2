graph [
  node [ id 1 label "Alpha ]
  node [ id 2 ]
]
