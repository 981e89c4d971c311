<?php require 'headerFinal.html' ?>

    <div id="smallBanner">

        <div id="smallFilter">
            <div class="bannerText">
                <h1>FAQ</h1>
            </div>
        </div>

    </div>

    <div id="contentContainer">

        <div id="introDiv">

            <div id="introGrid">
                <div id="introTextDiv">
                    <h2>Frequently Asked Questions (FAQ)</h2>
                    <hr>
                    <p>Lorem ipsum dolor sit amet, consectetur adipiscing elit. Maecenas eget ultricies ligula. Ut gravida eros non turpis sollicitudin, in sollicitudin tellus tempus. 
                      Nulla at ligula tempus, elementum risus quis, gravida tellus. Duis vestibulum velit quis convallis fermentum. Nullam elit nulla, varius eu purus a, tincidunt 
                      elementum nisi. Morbi mollis molestie dolor, a elementum nunc posuere non. Praesent ultrices tellus quis nisi ullamcorper, a dignissim risus luctus. Aenean 
                      semper ullamcorper sodales. Donec vitae aliquet magna. In id odio a ligula ornare porta sit amet ac eros.<br> Nunc tempus eros id risus vestibulum pharetra. Cras 
                      gravida, est sed consequat vestibulum, felis felis venenatis tortor, quis eleifend elit tortor vitae mauris. Vivamus est nisl, varius 
                      a risus sit amet, suscipit ultricies ex. Nulla ac, eget tristique mi. Duis ut ultrices maximus efficitur.</p>
                </div>
                <div id="introImageDiv">
                    <img src="images/richtlijnen.jpg">
                </div>
            </div>

        </div>

        <div id="faqContainer">

            <div class="singleQuestion">
                <h3>Heeft zelf een masker maken zin tegen het coronavirus?</h3>
                <div class="faqLine"></div>
                <div class="faqAnswer">
                    <p>Ja. Welke stof je gebruikt bepaalt hoe goed je masker werkt. Gewoon een lap katoen werkt goed, waar zijde en wol bijna niet helpen.
                        <br><br>
                        Bij zelfgemaakte maskers wordt het aangeraden om ze van de bovenhant van de neus tot helemaal onder de kin te laten bedekken. Was na elk (openbaar) gebruik.</p>
                </div>
            </div>
            <div class="singleQuestion">
                <h3>2Heeft zelf een masker maken zin tegen het coronavirus?</h3>
                <div class="faqLine"></div>
                <div class="faqAnswer">
                    <p>Ja. Welke stof je gebruikt bepaalt hoe goed je masker werkt. Gewoon een lap katoen werkt goed, waar zijde en wol bijna niet helpen.
                        <br><br>
                        Bij zelfgemaakte maskers wordt het aangeraden om ze van de bovenhant van de neus tot helemaal onder de kin te laten bedekken. Was na elk (openbaar) gebruik.</p>
                </div>
            </div>            <div class="singleQuestion">
                <h3>3Heeft zelf een masker maken zin tegen het coronavirus?</h3>
                <div class="faqLine"></div>
                <div class="faqAnswer">
                    <p>Ja. Welke stof je gebruikt bepaalt hoe goed je masker werkt. Gewoon een lap katoen werkt goed, waar zijde en wol bijna niet helpen.
                        <br><br>
                        Bij zelfgemaakte maskers wordt het aangeraden om ze van de bovenhant van de neus tot helemaal onder de kin te laten bedekken. Was na elk (openbaar) gebruik.</p>
                </div>
            </div>

        </div>

    </div>
   
    <?php require 'footerFinal.html' ?>